"""The system registry: canonical systems, the surface forms that name them, and the lookup of
system mentions in cells and sentences (Russian word forms resolve through stems)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from slugify import slugify

from flowviz.model import System, SystemKind
from flowviz.parse.keywords import (
    COMPONENT_HEADS,
    MOVE_VERBS,
    PARTICIPANT_VERBS,
    READ_VERBS,
    WRITE_VERBS,
)
from flowviz.parse.text import (
    light_key,
    light_stem,
    number_key,
    split_head,
    split_top,
    stems,
    words,
)
from flowviz.secrets import redact

ROLE_WORDS: dict[str, list[str]] = {
    "cms": [
        "сайт",
        "веб-сайт",
        "лендинг",
        "cms",
        "site",
        "website",
        "web site",
        "landing page",
        "landing",
        "framework",
        "фреймворк",
        "cms / framework",
        "интернет-магазин",
        "online store",
        "web app",
        "веб-приложение",
    ],
    "crm": ["crm", "црм", "crm-система", "crm system"],
    "esp": [
        "esp",
        "email-платформа",
        "email платформа",
        "email-платформы",
        "email platform",
        "email service",
        "email service provider",
        "почтовый сервис",
        "сервис рассылок",
        "email-сервис",
        "email marketing platform",
    ],
    "analytics": [
        "analytics",
        "аналитика",
        "веб-аналитика",
        "web analytics",
        "системы аналитики",
        "analytics tools",
    ],
}
ROLE_NAMES = {"cms": "CMS", "crm": "CRM", "esp": "ESP", "analytics": "Analytics"}

CATEGORY_WORDS: dict[str, list[str]] = {
    "call_tracking": [
        "коллтрекинг",
        "колл-трекинг",
        "call tracking",
        "call-tracking",
        "calltracking",
        "отслеживание звонков",
    ],
    "bi": [
        "bi",
        "dwh",
        "bi-система",
        "хранилище",
        "хранилище данных",
        "data warehouse",
        "business intelligence",
        "отчётность",
        "reporting",
        "дашборды",
        "dashboards",
    ],
    "erp": ["erp", "erp-система", "учётная система", "учетная система", "accounting"],
    "lms": [
        "lms",
        "learning management system",
        "learning platform",
        "платформа обучения",
        "обучающая платформа",
    ],
    "messengers": [
        "мессенджеры",
        "мессенджер",
        "messengers",
        "messenger",
        "чат",
        "чаты",
        "онлайн-чат",
        "chat",
        "live chat",
    ],
    "booking": [
        "booking",
        "online booking",
        "booking system",
        "scheduling",
        "appointments",
        "онлайн-запись",
        "запись",
        "запись на приём",
        "бронирование",
        "онлайн-бронирование",
        "система бронирования",
    ],
    "middleware": [
        "middleware",
        "интеграционная шина",
        "шина",
        "integration platform",
        "ipaas",
        "esb",
        "коннектор",
        "connector",
    ],
    "sms": ["sms", "смс", "sms-шлюз", "sms gateway", "sms-рассылки"],
}
"""Section 1 labels beyond the template's roles: each names a category of system, not a
system, so it names its system only as a whole cell or after a preposition of place."""

CATEGORY_KINDS: dict[str, str] = {"call_tracking": "analytics"}
"""The kind a category's systems get (a call tracker is a tool of the analytics group);
every other category is ``other``, whatever the product (an LMS on GetCourse is no CMS)."""

WEAK_WORDS: dict[str, list[str]] = {"esp": ["email", "e-mail", "письмо", "рассылка", "newsletter"]}
"""Words that name a role only right after a preposition of place ("ссылка в email")."""

ACTOR_WORDS: dict[str, list[str]] = {
    "user": [
        "пользователь",
        "благотворитель",
        "жертвователь",
        "донор",
        "donor",
        "посетитель",
        "клиент",
        "покупатель",
        "подписчик",
        "user",
        "visitor",
        "customer",
        "buyer",
        "prospect",
        "workspace owner",
        "account owner",
        "пациент",
        "родитель",
        "ученик",
        "студент",
        "гость",
        "слушатель",
        "участник",
        "абонент",
        "заявитель",
        "турист",
        "subscriber",
        "patient",
        "parent",
        "student",
        "member",
        "guest",
        "shopper",
        "attendee",
        "applicant",
        "traveler",
        "traveller",
        "offender",
    ],
    "manager": [
        "менеджер",
        "оператор",
        "продавец",
        "администратор",
        "sales manager",
        "manager",
        "operator",
        "agent",
        "sales rep",
        "admin",
        "administrator",
        "врач",
        "доктор",
        "сотрудник",
        "консультант",
        "куратор",
        "преподаватель",
        "учитель",
        "тренер",
        "специалист",
        "бухгалтер",
        "кассир",
        "логист",
        "doctor",
        "staff",
        "employee",
        "consultant",
        "teacher",
        "coach",
        "support agent",
        "accountant",
        "cashier",
        "recruiter",
        "practitioner",
    ],
}

KNOWN_PRODUCTS: dict[str, list[str]] = {
    "crm": [
        "hubspot",
        "bitrix24",
        "битрикс24",
        "amocrm",
        "salesforce",
        "pipedrive",
        "zoho crm",
        "retailcrm",
        "kommo",
        "мегаплан",
        "dynamics 365",
        "freshsales",
    ],
    "esp": [
        "mailchimp",
        "sendpulse",
        "unisender",
        "unisender go",
        "sendsay",
        "brevo",
        "sendinblue",
        "klaviyo",
        "mindbox",
        "dashamail",
        "mailerlite",
        "activecampaign",
        "getresponse",
        "esputnik",
        "customer.io",
        "sendgrid",
        "mailgun",
        "postmark",
    ],
    "analytics": [
        "ga4",
        "google analytics",
        "google analytics 4",
        "meta pixel",
        "facebook pixel",
        "яндекс метрика",
        "яндекс.метрика",
        "yandex metrica",
        "yandex metrika",
        "метрика",
        "tiktok pixel",
        "vk pixel",
        "top.mail.ru",
        "amplitude",
        "mixpanel",
        "roistat",
        "calltouch",
        "google tag manager",
        "gtm",
        "linkedin insight tag",
        "hotjar",
    ],
    "cms": [
        "tilda",
        "wordpress",
        "webflow",
        "1с-битрикс",
        "1c-bitrix",
        "joomla",
        "drupal",
        "shopify",
        "wix",
        "next.js",
        "insales",
        "single page startup",
        "getcourse",
        "lpgenerator",
        "creatium",
        "bitrix24 sites",
        "modx",
        "opencart",
    ],
}

MORE_PRODUCTS: dict[str, list[str]] = {
    "crm": [
        "agile crm", "zoho", "close.com", "copper", "monday crm", "keepincrm", "envybox",
        "sugarcrm", "vtiger", "creatio", "microsoft dynamics", "dynamics 365 sales", "planfix",
        "dynamics crm", "microsoft dynamics crm", "gohighlevel", "highlevel", "kommo",
        "attio", "insightly", "freshworks crm", "s2 crm", "flowlu", "мегаплан crm",
        "salesforce service cloud", "salesforce sales cloud", "dynamics 365 customer service",
        "dynamics 365 field service",
        "gainsight", "churnzero", "totango", "planhat", "salesloft", "zoominfo", "clearbit",
        "apollo.io", "6sense", "demandbase", "gong.io", "chartmogul", "baremetrics",
        "profitwell", "front app", "help scout crm",
    ],
    "esp": [
        "marketo", "pardot", "eloqua", "braze", "iterable", "salesforce marketing cloud",
        "omnisend", "convertkit", "kit.com", "moosend", "campaign monitor",
        "constant contact", "emarsys", "bloomreach", "carrot quest", "retail rocket",
        "mailjet", "amazon ses", "sparkpost", "elastic email", "notisend", "unione",
        "adobe campaign", "adobe campaign standard", "adobe journey optimizer",
        "amazon pinpoint", "twilio sendgrid", "mandrill", "mailchimp transactional",
        "marketo engage", "dynamics 365 marketing", "hubspot marketing hub",
        "amazon simple email service",
        "clevertap", "moengage", "webengage", "leanplum", "dotdigital", "beehiiv", "loops.so",
        "mailersend", "brevo transactional", "airship push",
    ],
    "cdp": [
        "adobe experience platform", "customer insights", "dynamics 365 customer insights",
        "salesforce data cloud", "salesforce cdp", "treasure data", "tealium audiencestream",
        "bloomreach engagement", "exponea", "amplitude cdp",
    ],
    "analytics": [
        "posthog", "heap analytics", "appsflyer", "appmetrica", "firebase analytics", "matomo",
        "plausible", "microsoft clarity", "comagic", "callibri", "ringostat", "mango office",
        "segment.com", "twilio segment", "rudderstack", "mparticle", "tealium", "snowplow",
        "adobe analytics", "stape", "optimizely", "vwo",
        "jitsu", "june.so", "fullstory", "logrocket", "pendo", "countly", "umami",
    ],
    "site": [
        "woocommerce", "magento", "adobe commerce", "bigcommerce", "prestashop", "squarespace",
        "unbounce", "instapage", "leadpages", "contentful", "strapi",
        "craft cms", "hubspot cms", "umbraco", "shop-script", "advantshop", "medusa", "medusajs",
        "saleor", "shopware", "opencart", "commercetools", "vtex", "ecwid", "insales",
        "shopify plus", "salesforce commerce cloud", "sap commerce cloud", "dynamics 365 commerce",
        "power pages", "тильда", "геткурс",
    ],
    "messenger": [
        "telegram", "телеграм", "whatsapp", "viber", "slack", "discord", "vk", "вконтакте",
        "microsoft teams", "twilio", "messagebird", "vonage", "wazzup", "chat2desk", "radist",
        "umnico", "talk-me", "green api", "whatsapp business", "smsc", "sms.ru", "sms aero",
        "devino", "onesignal", "pushwoosh", "firebase cloud messaging", "mattermost",
        "whatsapp business api", "whatsapp cloud api", "telegram bot api",
        "azure communication services", "amazon chime", "salebot", "senler", "bothelp",
        "smartsender",
    ],
    "email": [
        "gmail", "outlook", "google workspace", "microsoft 365", "office 365", "яндекс 360",
        "яндекс почта",
        "exchange online",
    ],
    "warehouse": [
        "clickhouse", "bigquery", "snowflake", "redshift", "greenplum", "datalens",
        "looker studio", "power bi", "tableau", "databricks", "looker", "metabase", "superset",
        "redash", "qlik", "azure synapse", "vertica", "dbt", "azure data explorer",
        "azure synapse analytics", "azure databricks", "amazon redshift", "amazon athena",
        "athena", "google bigquery", "apache spark", "spark", "apache flink", "flink", "trino",
        "presto", "apache hive", "hadoop", "hdfs", "microsoft fabric", "onelake",
        "azure data lake storage", "adls gen2", "data lake storage gen2",
        "amazon quicksight", "quicksight", "amazon emr", "dataproc", "aws lake formation",
        "aws clean rooms", "azure analysis services", "dataform", "cloud data fusion",
        "apache beam", "yandex datalens",
        "lightdash", "sisense", "mode analytics", "sigma computing", "cube.dev", "motherduck",
        "duckdb", "starrocks", "apache druid", "apache pinot", "firebolt", "dremio",
        "apache iceberg", "iceberg", "apache hudi", "delta lake",
    ],
    "database": [
        "postgres", "postgresql", "mysql", "sqlite", "mongodb", "redis", "object storage", "s3",
        "google sheets", "google sheet", "airtable", "notion", "firebase", "firestore",
        "supabase", "mariadb",
        "elasticsearch", "opensearch", "dynamodb", "cosmos db", "microsoft excel",
        "google таблицы", "яндекс таблицы", "google cloud storage", "baserow", "nocodb",
        "dataverse", "microsoft dataverse", "amazon s3", "aws s3", "amazon rds", "amazon aurora",
        "amazon dynamodb", "azure cosmos db", "azure sql database", "cloud sql", "cloud storage",
        "google cloud sql", "cloud spanner", "cassandra", "scylladb", "neo4j", "influxdb",
        "timescaledb", "memcached", "ydb", "azure storage", "azure blob", "amazon opensearch",
        "amazon elasticache", "elasticache", "amazon timestream", "amazon neptune",
        "amazon documentdb", "documentdb", "azure cache for redis", "azure sql",
        "azure table storage", "bigtable", "cloud bigtable", "memorystore", "sap hana",
        "oracle database", "microsoft sql server", "sql server", "infinispan", "milvus",
        "pinecone", "weaviate", "qdrant", "yandex object storage", "amazon s3 glacier",
        "apache hbase", "hbase", "spanner", "couchbase", "couchdb", "clickhouse cloud",
    ],
    "erp": [
        "1с:предприятие", "1с", "1c", "1с:унф", "1с:управление торговлей", "1с:erp", "мойсклад",
        "sap", "netsuite", "odoo", "quickbooks", "xero", "business central",
        "microsoft dynamics nav", "erpnext",
        "dynamics 365 finance", "dynamics 365 supply chain management", "acumatica",
        "finance + operations", "dynamics 365 finance + operations", "finance and operations",
        "dynamics 365 finance and operations",
        "sap successfactors", "successfactors", "sap ariba",
        "sap concur", "iiko", "r_keeper", "эвотор",
        "sap s/4hana", "s/4hana", "sap s4hana", "s4hana", "sap s/4hana cloud", "sap ecc",
        "sap erp", "sap business one", "sap business bydesign", "oracle netsuite", "sage intacct",
        "epicor", "infor m3",
    ],
    "marketplace": [
        "ozon", "озон", "wildberries", "яндекс маркет", "avito", "авито", "ebay", "etsy", "hh.ru",
        "headhunter",
    ],
    "tasks": [
        "trello", "jira", "asana", "todoist", "clickup", "яндекс трекер", "monday.com",
        "youtrack", "битрикс24 задачи", "kaiten", "weeek",
        "microsoft planner",
    ],
    "forms": [
        "google forms", "typeform", "jotform", "marquiz", "tally", "яндекс формы", "formspree",
        "microsoft forms",
    ],
    "payments": [
        "stripe", "paypal", "юkassa", "yookassa", "cloudpayments", "тинькофф касса", "chargebee",
        "recurly", "paddle", "zuora", "adyen", "braintree", "robokassa", "prodamus",
        "razorpay", "checkout.com", "mollie", "square", "klarna", "authorize.net",
        "payu", "cybersource", "2checkout", "bepaid", "paykeeper",
    ],
    "support": [
        "zendesk", "intercom", "freshdesk", "usedesk", "jivo", "jivosite", "help scout",
        "crisp", "livechat", "tawk.to", "gorgias", "omnidesk", "servicenow",
        "jira service management", "chatwoot", "helpcrunch",
    ],
    "automation": [
        "n8n", "zapier", "make.com", "keboola", "dataflow", "airflow", "albato", "apix-drive",
        "pipedream", "integromat", "tray.io", "workato", "mulesoft", "boomi", "celigo",
        "power automate", "ifttt", "pabbly connect", "activepieces", "windmill", "autokitteh",
        "prefect", "dagster", "fivetran", "airbyte", "stitch data", "hightouch",
        "azure data factory", "фабрика данных azure", "aws glue", "sgtm", "server-side gtm",
        "server side gtm", "server-side google tag manager", "google tag manager server",
        "shopify flow", "webmethods", ],
    "pipelines": [
        "dlt", "dlthub", "meltano", "polytomic", "grouparoo", "estuary flow", "hevo data",
        "rivery", "matillion", "talend", "informatica",
    ],
    "ads": [
        "google ads", "яндекс директ", "yandex direct", "meta ads", "vk ads", "facebook ads",
        "linkedin ads", "tiktok ads", "microsoft ads", "bing ads", "mytarget", "vk реклама",
        "google merchant center", "criteo", "sklik", "floodlight", "campaign manager 360",
        "display & video 360", "dv360", "search ads 360",
        "sa360", "cm360", "google marketing platform", "яндекс аудитории",
    ],
    "calendar": ["google calendar", "calendly", "outlook calendar", "cal.com"],
    "meetings": ["zoom meetings", "zoom", "google meet", "яндекс телемост", "webex"],
    "social": ["twitter", "linkedin", "instagram", "youtube", "tiktok", "facebook", "pinterest"],
    "files": [
        "google drive", "dropbox", "onedrive", "яндекс диск", "box.com", "sharepoint",
        "sharepoint online",
    ],
    "ai": [
        "openai", "chatgpt", "gigachat", "yandexgpt", "claude", "anthropic", "gemini",
        "tavily", "perplexity", "mistral", "vapi", "retell ai", "bland ai", "elevenlabs",
        "amazon bedrock", "amazon comprehend", "aws comprehend", "amazon personalize",
        "amazon sagemaker", "sagemaker", "amazon textract", "amazon translate",
        "amazon rekognition", "amazon lex", "amazon polly", "amazon kendra", "azure openai",
        "azure openai service", "azure cognitive services", "azure ai services",
        "azure machine learning", "azure ai search", "azure cognitive search", "azure bot service",
        "vertex ai", "dialogflow", "document ai", "sap ai core", "yandex speechkit", "speechkit",
        "yandex translate", "yandex vision", "copilot studio", "power virtual agents",
        "hugging face", "ollama", "openrouter",
    ],
    "cloud": [
        "pub/sub", "cloud functions", "data transfer", "ngrok", "kafka", "apache kafka",
        "rabbitmq", "aws lambda", "amazon sqs", "amazon sns", "kinesis", "eventbridge",
        "cloud run", "cloud scheduler", "yandex cloud functions", "azure functions",
        "azure service bus", "event hubs", "stream analytics", "azure stream analytics",
        "event grid", "logic apps", "blob storage", "azure blob storage", "api gateway",
        "step functions", "aws step functions", "google cloud pub/sub", "nginx", "traefik",
        "haproxy", "envoy", "kong", "caddy", "cloudflare", "keycloak",
        "amazon msk", "msk", "application load balancer", "alb", "amazon eventbridge",
        "google apps script", "apps script",
        "eventbridge pipes", "amazon kinesis", "amazon kinesis data streams",
        "kinesis data streams", "amazon kinesis data firehose", "amazon connect",
        "amazon connect customer profiles", "kinesis data firehose", "amazon data firehose",
        "amazon cloudwatch", "cloudwatch",
        "amazon appflow", "aws appflow", "aws dms", "aws iot core", "amazon mq", "amazon mwaa",
        "amazon managed workflows for apache airflow",
        "amazon api gateway", "aws fargate", "amazon ecs", "amazon eks", "cloud tasks",
        "google cloud functions", "google cloud run", "app engine", "apigee",
        "azure event hubs", "azure iot hub", "iot hub", "azure event grid", "azure logic apps",
        "azure api management", "azure monitor", "application insights", "azure app service",
        "azure kubernetes service", "aks", "kafka connect", "debezium", "apache nifi",
        "apache pulsar", "nats", "activemq", "activemq artemis", "celery", "sidekiq",
        "temporal.io", "minio", "opentelemetry collector", "jaeger", "yandex data streams",
        "yandex message queue", "yandex query", "yandex cloud postbox",
        "sqs", "amazon simple queue service", "sns", "amazon simple notification service",
        "amazon eventbridge scheduler", "eventbridge scheduler", "aws cloudtrail",
        "amazon cloudfront", "cloudfront", "aws amplify", "aws appsync", "appsync", "amazon ec2",
        "aws batch", "aws transfer family", "amazon location service", "azure container apps",
        "azure front door", "azure notification hubs", "azure signalr service",
        "azure digital twins", "azure static web apps", "azure queue storage", "microsoft graph",
        "cloud composer", "datastream", "eventarc", "cloud logging", "cloud monitoring",
        "cloud dataflow", "debezium server", "apache camel", "kafka streams", "ksqldb", "ibm mq",
        "tibco", "confluent cloud", "redpanda", "google pub/sub", "zeromq",
        "sap cloud integration", "sap cpi", "yandex data transfer", "yandex monitoring",
        "yandex cloud logging", "yandex api gateway", "yandex iot core",
    ],
    "identity": [
        "active directory", "azure active directory", "microsoft entra id",
        "entra id", "okta", "auth0", "workday", "bamboohr", "personio", "1password",
        "amazon cognito", "cognito", "azure ad b2c",
    ],
    "devops": [
        "github actions", "gitlab ci", "jenkins", "circleci", "travis ci", "teamcity",
        "argo cd", "argocd", "argo workflows", "kubernetes", "k8s", "helm", "docker hub",
        "github container registry", "ghcr", "amazon ecr", "harbor", "terraform", "ansible",
        "sentry", "datadog", "grafana", "prometheus", "kibana", "logstash", "fluentd", "fluent bit",
        "splunk", "new relic", "pagerduty", "opsgenie", "vault", "consul", "github", "gitlab",
        "bitbucket",
        "azure devops", "azure container registry", "artifact registry", "cloud build",
        "aws secrets manager", "secrets manager", "google secret manager", "secret manager",
        "azure key vault", "key vault", "aws kms", "aws key management service", "cloud kms",
        "yandex lockbox", "lockbox", "hashicorp vault",
    ],
    "telephony": [
        "asterisk", "zadarma", "задарма", "sipuni", "манго офис", "телфин", "callbackhunter",
    ],
    "delivery": [
        "сдэк", "cdek", "boxberry", "почта россии",
    ],
    "banking": [
        "сбербанк", "тинькофф", "т-банк", "альфа-банк", "атол онлайн", "мой налог", "диадок",
        "контур.диадок", "сбис",
    ],
}  # fmt: skip
"""More well-known products by category (names that are also common words, such as Drip or
Linear, are left out); a document not in the template's shape takes its systems from them
(and from ``KNOWN_PRODUCTS``). ``flowviz.yaml``'s
``products`` adds more (category -> names)."""

PRODUCT_CATEGORY_KINDS: dict[str, SystemKind] = {
    "site": "cms",
    "cms": "cms",
    "crm": "crm",
    "esp": "esp",
    "analytics": "analytics",
}
"""The model's kind of a catalogue category; every other category is ``other``."""

PRODUCT_SYNONYMS: list[list[str]] = [
    [
        "яндекс метрика",
        "яндекс.метрика",
        "метрика",
        "yandex metrica",
        "yandex metrika",
        "yandex.metrica",
        "ym",
    ],
    ["ga4", "google analytics 4", "google analytics", "ga 4"],
    ["meta pixel", "facebook pixel", "fb pixel", "пиксель meta", "пиксель facebook"],
    ["tiktok pixel", "пиксель tiktok"],
    ["vk pixel", "пиксель vk", "пиксель вк", "vk ads pixel"],
    ["google tag manager", "gtm"],
    [
        "sgtm",
        "server-side gtm",
        "server side gtm",
        "server-side google tag manager",
        "google tag manager server",
        "серверный gtm",
    ],
    ["bitrix24", "битрикс24", "битрикс 24", "b24", "б24"],
    ["amocrm", "амосрм", "amo crm", "amo", "амо", "kommo"],
    ["hubspot", "hubspot crm"],
    ["1с-битрикс", "1c-bitrix", "битрикс", "bitrix"],
    ["1с", "1c", "1с:предприятие", "1c:предприятие", "1c:enterprise"],
    ["tilda", "тильда"],
    ["getcourse", "геткурс"],
    ["ozon", "озон"],
    ["avito", "авито"],
    ["cdek", "сдэк"],
    ["zadarma", "задарма"],
    ["mango office", "манго офис"],
    ["т-банк", "тинькофф"],
    ["search ads 360", "sa360"],
    ["campaign manager 360", "cm360"],
    ["amazon sqs", "sqs", "amazon simple queue service"],
    ["sap s/4hana", "s/4hana", "sap s4hana", "s4hana"],
    ["amazon sns", "sns", "amazon simple notification service"],
    ["amazon ses", "amazon simple email service"],
    ["amazon s3", "aws s3", "s3", "amazon simple storage service"],
    ["amazon ec2", "aws ec2", "ec2", "amazon elastic compute cloud"],
    ["amazon ecs", "aws ecs", "amazon elastic container service"],
    ["amazon eks", "aws eks", "amazon elastic kubernetes service"],
    ["amazon rds", "aws rds", "amazon relational database service"],
    ["amazon kinesis data firehose", "amazon data firehose", "kinesis data firehose"],
    ["yandex datalens", "datalens"],
]
"""Other names of the same product; a system named by one answers to all of them."""

NOT_SYSTEMS = frozenset(
    stems(word)
    for word in [
        "универсальный",
        "все системы",
        "все",
        "все системы проекта",
        "all systems",
        "all",
        "universal",
        "any",
        "внешние сервисы",
        "external services",
        "api",
        "нет",
        "none",
        "n/a",
        "не используются",
        "not used",
        "другие системы",
        "other systems",
        "прочие",
    ]
)

VENDOR_WORDS = frozenset(
    {
        "yandex",
        "яндекс",
        "google",
        "microsoft",
        "meta",
        "amazon",
        "aws",
        "azure",
        "vk",
        "вк",
        "adobe",
        "oracle",
        "sap",
        "zoho",
        "mail.ru",
        "сбер",
        "sber",
        "apache",
    }
)
"""First words of a product name that name its maker: ``Yandex DataLens`` is also
``DataLens`` (when the rest is a distinctive name, not a common word such as ``Ads``)."""

_ACTING_VERBS = frozenset(v for v in (*PARTICIPANT_VERBS, *MOVE_VERBS) if v.endswith("s"))

_NOT_A_PRODUCTS_REST = VENDOR_WORDS | {"lambda", "functions", "function", "cloud"}
"""Words that are the rest of a maker's product but name a kind of service when written alone
(``the Lambda``: any function of the document)."""

OTHER_WITHOUT_MAKER = frozenset({"azure active directory", "azure ad"})
"""Products whose name without the maker names another product: ``Azure Active Directory`` is
not the ``Active Directory`` a document names beside it."""


def another_without_maker(name: str) -> bool:
    """Whether ``name`` without its maker names another product (``Azure Active
    Directory``)."""
    return name.strip().casefold() in OTHER_WITHOUT_MAKER


HOSTING_WORDS = frozenset(
    {*VENDOR_WORDS, "managed", "service", "for", "cloud", "windows", "server", "apache"}
)
"""Words before a product that name who runs it (``Yandex Managed Service for ClickHouse``,
``Managed Kubernetes``, ``Windows Server Active Directory``): the product still."""


def names_who_runs_it(words: list[str]) -> bool:
    """Whether the words before a product all name who runs it (``Managed Service for``)."""
    return all(word.casefold() in HOSTING_WORDS for word in words)


PLATFORM_BRANDS = frozenset(
    {"aws", "amazon", "azure", "gcp", "heroku", "cloudflare", "vercel", "netlify", "supabase"}
)
"""Cloud platforms whose name opens the name of each of their services (``AWS SQS``, ``Azure
Key Vault``, ``Heroku Kafka``): such a name is a product."""

PLATFORM_WORDS = frozenset({"на", "on", "built on", "based on", "на базе", "на основе"})
"""``Сайт на Drupal``, ``Website on WordPress``: the thing, a platform word, the platform."""

ABBREVIATED_VENDORS = ("1С", "1C")
"""``1С:Управление торговлей`` is also written ``1С:УТ``: initials of the words after it."""

PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "to", "into", "in", "on", "onto", "insid"})
DETERMINERS = frozenset(
    {"the", "a", "an", "it", "their", "our", "your", "this", "that", "свой", "сво", "наш"}
)
"""Words skipped when looking for the preposition before a name ("in the email")."""


def word_before(ws: list, index: int) -> str:
    """The stem of the word before ``ws[index]``, past articles and possessives."""
    i = index - 1
    while i >= 0 and ws[i].stem in DETERMINERS:
        i -= 1
    return ws[i].stem if i >= 0 else ""


Named = str | tuple[str, str]
"""A system's id, or what would make it: (``role``, kind) or (``actor``, key)."""


class Mention(NamedTuple):
    """A system named in a text: its id, the span and the surface form."""

    system: str
    """The system's id; empty while it is one that ``creates`` would make."""
    start: int
    end: int
    surface: str
    weak: bool = False
    """Named only by a common word (``письмо``, ``newsletter``) after a preposition of place."""
    creates: tuple[str, str] | None = None
    """(``role``, kind) or (``actor``, key) for a role or actor word: ``Registry.settle``
    makes its system if it is not there yet (and keeps an actor's word as its alias)."""

    @property
    def pending(self) -> bool:
        """Whether the system this mention names does not exist yet."""
        return not self.system


class Resolved(NamedTuple):
    """What a system cell names: the system and the tools (parts) named with it."""

    system: str | None
    parts: tuple[str, ...] = ()
    unknown: str | None = None
    others: tuple[str, ...] = ()
    """Further systems of other groups named in the same cell (``CRM, ESP``)."""
    unnamed: tuple[str, ...] = ()
    """Names of the cell's list that name no system yet (``MixPlat`` of ``MixPlat /
    CloudPayment``): a further system each, not a word to drop."""


@dataclass(slots=True)
class Draft:
    """A system while the map is read; frozen into ``model.System`` at the end."""

    id: str
    name: str
    kind: SystemKind
    product: str | None = None
    url: str | None = None
    ids: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    line: int | None = None
    placeholders: list[str] = field(default_factory=list)

    def freeze(self) -> System:
        return System(
            id=self.id,
            name=self.name,
            kind=self.kind,
            product=self.product,
            url=self.url,
            ids=self.ids,
            aliases=self.aliases,
            parent=self.parent,
            line=self.line,
            placeholders=self.placeholders,
        )


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """Letters and digits only, lower case: ``Битрикс 24`` and ``битрикс-24`` meet."""
    return _NOT_ALNUM.sub("", text.lower().replace("ё", "е"))


_NOT_ALNUM = re.compile(r"[\W_]+")
_NAME_LIST = re.compile(r"\s*(?:/|,|\+|&|\band\b|\bи\b)\s*")


def _a_name(text: str) -> bool:
    """Whether a piece of a list of systems is a name (``MixPlat``), not a word about the
    others (``лендинг``, ``etc.``): one to three words, the first capitalised."""
    words = text.split()
    return 0 < len(words) <= 3 and words[0][:1].isupper() and stems(text) not in NOT_SYSTEMS


class Registry:
    """Canonical systems with an index from word stems to system ids."""

    def __init__(self) -> None:
        self.systems: dict[str, Draft] = {}
        self.roles: dict[str, str] = {}
        """Role (cms, crm, esp, analytics) -> the system section 1 declares for it."""
        self._index: dict[tuple[str, ...], str] = {}
        self._light: dict[tuple[str, ...], str] = {}
        self._heads: dict[str, set[str]] = {}
        self._tails: dict[str, set[str]] = {}
        """The stem of the second word of a maker's product (``Pinpoint`` of ``Amazon
        Pinpoint``) -> the systems so named."""
        """First stem of a several-word name -> the systems with such names."""
        self._surfaces: dict[str, str] = {}
        self._shapes: dict[tuple[str, ...], list[str]] = {}
        """The first letters of a surface's words -> the surfaces with them (close spellings)."""
        self._compact: dict[str, str] = {}
        self._derived: set[tuple[str, object]] = set()
        """Keys claimed by a short form only: a system's own name may take them over."""
        self._labels: dict[tuple[str, ...], str] = {}
        """Category labels (``Онлайн-запись``, ``Data warehouse``) -> their one system."""
        self._longest = 1
        self._starts: set[str] = set(_VOCAB_STARTS)
        """First stems of the names of several words (of systems, labels and role words)."""
        self._light_starts: set[str] = set()
        self._compact_prefixes: set[str] = set()
        """Every beginning of a compact form: what a run of words must start with to be one."""
        self._editions: tuple[int, dict[str, list[str]]] = (0, {})
        """(how many systems there were, ``1с`` -> the systems named ``1С:<edition>``)."""

    def state(self) -> tuple[int, ...]:
        """How much the registry holds (systems, names, labels, roles): it only grows, so the
        same state means the same answers to a look-up."""
        return (len(self.systems), len(self._index), len(self._labels), len(self.roles))

    # -- building -------------------------------------------------------------------------
    def add(self, name: str, kind: SystemKind, *, key: str | None = None, **extra: object) -> Draft:
        """Register a new system with an id slugged from ``key`` (or ``name``), a secret in it
        cut as outputs cut it (ids are the same with and without redaction); a product that
        section 1 declares (it has a line) also answers to its short forms (``Сайт на Drupal
        10`` -> ``Drupal``)."""
        base = slug(redact(key or name)) or kind  # an id never carries a secret
        system_id, n = base, 1
        while system_id in self.systems:
            n += 1
            system_id = f"{base}-{n}"
        draft = Draft(system_id, name, kind, **extra)  # type: ignore[arg-type]
        self.systems[system_id] = draft
        self.alias(system_id, name)
        for synonym in synonyms(name):
            self.alias(system_id, synonym, record=False)
        for short in initials(name):
            self.alias(system_id, short, record=False, derived=True)
        for head in compound_head(name):
            self.alias(system_id, head, record=False, derived=True)
        if draft.product and draft.line is not None:  # declared in section 1
            for form in short_forms(name):
                self.alias(system_id, form, derived=True)
                for synonym in synonyms(form):
                    self.alias(system_id, synonym, record=False, derived=True)
        return draft

    def alias(
        self, system_id: str, surface: str, *, record: bool = True, derived: bool = False
    ) -> None:
        """Let ``surface`` name ``system_id`` (first claim wins, but a name takes a key over
        from a short form of another name); keep it among the aliases."""
        surface = surface.strip()
        key = stems(surface)
        if not key or key in NOT_SYSTEMS:
            return
        previous = self._index.get(key)
        if previous not in (None, system_id) and not derived and ("index", key) in self._derived:
            taken = self.systems[previous].aliases  # a short form gives way to a name
            taken[:] = [a for a in taken if stems(a) != key]
        self._claim("index", self._index, key, system_id, derived)
        self._claim("light", self._light, light_key(surface), system_id, derived)
        if len(key) > 1 and not derived:
            self._heads.setdefault(key[0], set()).add(self._index[key])
        words_ = surface.split()
        if len(words_) == 2 and words_[0].casefold() in VENDOR_WORDS and not derived:
            self._tails.setdefault(key[1], set()).add(self._index[key])
        self._claim("compact", self._compact, compact(surface), system_id, derived)
        lowered = surface.lower()
        if lowered not in self._surfaces:
            self._shapes.setdefault(_shape(lowered.split()), []).append(lowered)
        self._claim("surface", self._surfaces, lowered, system_id, derived)
        self._longest = max(self._longest, len(key))
        draft = self.systems[system_id]
        held = not derived or self._index[key] == system_id
        if record and held and surface not in draft.aliases:
            draft.aliases.append(surface)

    def _claim(self, name: str, table: dict, key: Any, system_id: str, derived: bool) -> None:
        if name == "index" and len(key) > 1:
            self._starts.add(key[0])
        elif name == "light" and len(key) > 1:
            self._light_starts.add(key[0])
        elif name == "compact":
            self._compact_prefixes.update(key[:end] for end in range(1, len(key)))
        if key not in table or (not derived and (name, key) in self._derived):
            table[key] = system_id
            if derived:
                self._derived.add((name, key))
            else:
                self._derived.discard((name, key))

    def label(self, system_id: str, surface: str) -> None:
        """Let a category label (``Онлайн-запись``) name ``system_id``, but weakly: as a
        whole cell, or in a sentence right after a preposition of place."""
        key = stems(surface)
        if key and key not in NOT_SYSTEMS and key not in _VOCAB:
            self._labels.setdefault(key, system_id)
            self._starts.add(key[0])
            self._longest = max(self._longest, len(key))

    def role(self, kind: str) -> Draft:
        """The system that plays ``kind`` (cms, crm, esp, analytics), created on first use."""
        found = self.playing(kind)
        if found is not None:
            return found
        draft = self.add(ROLE_NAMES[kind], kind, key=kind)  # type: ignore[arg-type]
        self._teach_role(draft.id, kind)
        return draft

    def playing(self, kind: str) -> Draft | None:
        """The system that plays ``kind``, if there is one yet (never creates one)."""
        if kind in self.roles:
            return self.systems[self.roles[kind]]
        for draft in self.systems.values():
            if draft.kind == kind and draft.parent is None:
                return draft
        return None

    def _teach_role(self, system_id: str, kind: str) -> None:
        for word in ROLE_WORDS[kind]:
            self.alias(system_id, word, record=False)

    def claim_role(self, draft: Draft, kind: str) -> None:
        """Make ``draft`` the system that the role words of ``kind`` name."""
        self.roles.setdefault(kind, draft.id)
        self._teach_role(draft.id, kind)

    def actor(self, key: str, surface: str) -> Draft:
        """The actor ``key`` (user, manager), created on first mention, named by the dictionary
        form of the word the map uses (``пользователей`` -> ``Пользователь``)."""
        if key not in self.systems:
            wanted = stems(surface)
            word = next((w for w in ACTOR_WORDS[key] if stems(w) == wanted), surface)
            self.add(word[:1].upper() + word[1:], "actor", key=key)
        draft = self.systems[key]
        if surface not in draft.aliases and surface.lower() != draft.name.lower():
            draft.aliases.append(surface)
        return draft

    def settle(self, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with the role systems and actors their words name made where they are
        not there yet (and each word the map uses for an actor kept as its alias): the one way
        a mention creates a system, and the caller's choice."""
        return [self._settled(mention) for mention in mentions]

    def _settled(self, mention: Mention) -> Mention:
        if mention.creates is None:
            return mention
        what, name = mention.creates
        made = self.role(name) if what == "role" else self.actor(name, mention.surface)
        return mention._replace(system=made.id, creates=None)

    def named_in(self, text: str, *, actors: bool = True) -> list[Mention]:
        """The systems named in ``text`` (``mentions``), the role systems and actors its role
        and actor words name made where they are not there yet (``settle``)."""
        return self.settle(self.mentions(text, actors=actors))

    # -- looking up ------------------------------------------------------------------------
    def mentions(self, text: str, *, actors: bool = True) -> list[Mention]:
        """Every system (and actor) named in ``text``, left to right, longest match first.
        Only looks: a role or actor word whose system is not there yet gives a pending
        mention (``creates``), which ``settle`` can make real."""
        return self._scan(text, actors)

    def _scan(self, text: str, actors: bool) -> list[Mention]:
        ws = words(text)
        stems_ = [w.stem for w in ws]
        lights = [light_stem(text[w.start : w.end]) for w in ws]
        # compact() of a run of words is their compact forms joined, as the text between
        # words compacts to nothing, unless a capital sigma lower-cases by what follows it
        pieces: list[str] | None = [compact(text[w.start : w.end]) for w in ws]
        if "Σ" in text or compact(text) != "".join(pieces or ()):
            pieces = None
        found: list[Mention] = []
        i = 0
        while i < len(ws):
            hit = self._match_at(ws, i, text, actors, stems_, lights, pieces)
            if hit is None:
                i += 1
                continue
            system_id, length, weak = hit
            start, end = ws[i].start, ws[i + length - 1].end
            creates = system_id if isinstance(system_id, tuple) else None
            system = self._existing(creates) if creates else system_id
            found.append(Mention(system, start, end, text[start:end], weak, creates))  # type: ignore[arg-type]
            i += length
        return found

    def _may_start(
        self, i: int, stems_: list[str], lights: list[str], pieces: list[str] | None
    ) -> bool:
        """Whether a name of several words may start at word ``i``: a name, label or role
        word starts with its stem, or a compact form with its compact form."""
        if stems_[i] in self._starts or lights[i] in self._light_starts:
            return True
        return pieces is None or not pieces[i] or pieces[i] in self._compact_prefixes

    def _match_at(
        self,
        ws: list,
        i: int,
        text: str,
        actors: bool,
        stems_: list[str],
        lights: list[str],
        pieces: list[str] | None,
    ) -> tuple[Named, int, bool] | None:
        """(system or what would make it, words matched, named only by a weak word) for a
        name at word ``i``; ``stems_``, ``lights`` and ``pieces`` are the stems, light stems
        and compact forms of ``ws`` (no ``pieces``: compact each run of words from the
        text)."""
        longest = max(self._longest, _VOCAB_LONGEST)
        placed = None
        system_id: Named | None
        index, light, compacts = self._index, self._light, self._compact
        top = min(longest, len(ws) - i)
        if top > 1 and not self._may_start(i, stems_, lights, pieces):
            top = 1
        for length in range(top, 0, -1):
            key = tuple(stems_[i : i + length])
            system_id = index.get(key)
            if system_id is None:
                system_id = light.get(tuple(lights[i : i + length]))
            if system_id is None and length > 1:
                if pieces is not None:
                    joined = "".join(pieces[i : i + length])
                else:
                    joined = compact(text[ws[i].start : ws[i + length - 1].end])
                system_id = compacts.get(joined)
            if system_id is not None and not actors and self.systems[system_id].kind == "actor":
                system_id = None
            if system_id is None and key in _VOCAB:
                span = (ws[i].start, ws[i + length - 1].end)
                system_id = self._role_or_actor(key, span, text, actors)
            if system_id is not None:
                return system_id, length, False
            if key in self._labels:
                if placed is None:
                    placed = word_before(ws, i) in PLACE_PREPOSITIONS
                if placed:
                    return self._labels[key], length, True
        prefix = self._name_prefix(ws, i, text)
        if prefix is not None:
            return prefix, 1, False
        tail = self._makers_product(ws, i, text)
        if tail is not None:
            return tail, 1, False
        end = ws[i].end
        weak = _WEAK.get(ws[i].stem)
        if weak and word_before(ws, i) in PLACE_PREPOSITIONS and text[end : end + 1] != "-":
            role = self.playing(weak)
            return (role.id if role is not None else ("role", weak)), 1, True
        return None

    def _makers_product(self, ws: list, i: int, text: str) -> str | None:
        """``Pinpoint`` for ``Amazon Pinpoint``, ``Commerce`` for ``Adobe Commerce``: a
        capitalised word that is the rest of exactly one maker's product of the document, where
        it stands as a name (after a word in lower case, or before a verb: ``to Commerce``,
        ``Pinpoint streams``), not as a sentence's first word given an order (``Connect the
        app``)."""
        word = text[ws[i].start : ws[i].end]
        if len(word) < 4 or not word[0].isupper() or word.lower() in _NOT_A_PRODUCTS_REST:
            return None
        hits = self._tails.get(ws[i].stem, set())
        if len(hits) != 1:
            return None
        found = next(iter(hits))
        if light_stem(self.systems[found].name.split()[-1]) != light_stem(word):
            return None  # the word as written (or its plural), not another of its stem
        before = text[ws[i - 1].start : ws[i - 1].end] if i > 0 else ""
        after = text[ws[i + 1].start : ws[i + 1].end] if i + 1 < len(ws) else ""
        if text[ws[i].end : ws[i].end + 1] not in ("", " ", ".", ",", ";", ":", ")"):
            return None
        if after[:1].isupper():
            return None  # ``the Bedrock Knowledge Base``: a longer name
        mid_sentence = before[:1].islower() and not text[ws[i - 1].end : ws[i].start].strip()
        acting = after.casefold() in _ACTING_VERBS
        return found if mid_sentence or acting else None

    def _name_prefix(self, ws: list, i: int, text: str) -> str | None:
        """``LinkedIn`` for ``LinkedIn Insight Tag``: a capitalised word that begins exactly one
        system's longer name, when no other capitalised word follows it."""
        word = text[ws[i].start : ws[i].end]
        if len(word) < 5 or not word[0].isupper() or word.lower() in VENDOR_WORDS:
            return None  # a maker's name alone (``Azure``) begins many products, names none
        if word.lower() in _ACTION_VERBS:
            return None  # ``Saves the proposal`` does not name ``Save Folder ID``
        following = text[ws[i + 1].start : ws[i + 1].end] if i + 1 < len(ws) else ""
        if following[:1].isupper():
            return None
        hits = self._heads.get(ws[i].stem, set())
        if len(hits) != 1:
            return None
        found = next(iter(hits))
        draft = self.systems[found]
        if _sibling_products(word, draft.name):
            return None  # ``Unisender`` is a product of its own, not ``Unisender Go``
        firsts = {n.split()[0].lower() for n in (draft.name, *draft.aliases) if n.split()}
        lower = word.lower()
        verb_like = word.isascii() and lower.endswith(("s", "ed", "ing"))
        if verb_like and not {lower, lower.removesuffix("s")} & firsts:
            return None  # ``Validates`` (a verb) does not name ``Validation Module``
        if any(lower.startswith(f) and lower.removesuffix("s") != f for f in firsts - {lower}):
            return None  # ``Customer`` (another word) does not name ``Custom API``
        return found

    def _existing(self, creates: tuple[str, str]) -> str:
        """The id of the actor a word names, if it is there yet (else empty)."""
        what, name = creates
        return name if what == "actor" and name in self.systems else ""

    def _role_or_actor(
        self, key: tuple[str, ...], span: tuple[int, int], text: str, actors: bool
    ) -> Named | None:
        """Role words name their role system (or, if it is not there yet, what would make it:
        ``("role", kind)``); actor words name ``("actor", key)``, their actor."""
        what, name = _VOCAB[key]
        if what == "role":
            role = self.playing(name)
            return role.id if role is not None else ("role", name)
        surface = text[span[0] : span[1]]
        if not actors or not _actor_form(surface, ACTOR_WORDS[name]):
            return None
        return ("actor", name)

    def lookup_name(self, name: str) -> str | None:
        """The system of that very name (or compact form), never one a word of it names."""
        key = stems(name)
        return (self._index.get(key) or self._compact.get(compact(name))) if key else None

    def lookup_written(self, name: str) -> str | None:
        """The system of that very name as written, its words spaced as they are
        (``Communication Services`` is not ``CommunicationServices``)."""
        key = stems(name)
        return self._index.get(key) if key else None

    def lookup(self, name: str, *, fuzzy: bool = True) -> str | None:
        """The system a short name means: exactly, by compact form, by the names it holds,
        by its category label, or (with ``fuzzy``) by a close spelling of a known name.
        Only looks: a role word whose system is not there yet names nothing."""
        return self._find(name, fuzzy, create=False)

    def _find(self, name: str, fuzzy: bool, create: bool) -> str | None:
        """``lookup``; with ``create``, a role word whose system is not there yet makes it."""
        key = stems(name)
        if not key or key in NOT_SYSTEMS:
            return None
        if key in self._index:
            return self._index[key]
        squeezed = compact(name)
        if squeezed in self._compact:
            return self._compact[squeezed]
        if key in self._labels:
            return self._labels[key]
        edition = self._edition_of(name)
        if edition is not None and create:
            self.alias(edition, name.strip())  # later mentions of ``1С`` find ``1С:УНФ``
        if edition is not None:
            return edition
        mentions = self._scan(name, False)
        mentions = self.settle(mentions) if create else [m for m in mentions if not m.pending]
        if another_without_maker(name):
            mentions = []  # ``Azure Active Directory`` is not the ``Active Directory`` it holds
        if mentions and len({m.system for m in mentions}) == 1:
            covered = sum(m.end - m.start for m in mentions)
            if covered >= len(name.strip()) * 0.5 and not self._numbered_apart(
                name, mentions[0].system
            ):
                return mentions[0].system
        close = self._close_spelling(name) if fuzzy else None
        return None if close is None or self._numbered_apart(name, close) else close

    def _numbered_apart(self, name: str, system_id: str) -> bool:
        """``Склад 2`` is not ``Склад 1``: ``name`` ends in a number and every name of the
        system that ends in one ends in another (``Server 1`` is ``Server 01``; a name without
        a number may still be ``Сайт на Drupal 10``). A role word and a number (``Сайт 2``,
        ``Landing 2``) is a name of its own, never the system that plays the role."""
        number = _TRAILING_NUMBER.search(name)
        if number is None:
            return False
        draft = self.systems[system_id]
        theirs = {
            _number(m.group(1))
            for n in (draft.name, *draft.aliases)
            if (m := _TRAILING_NUMBER.search(n))
        }
        if theirs:
            return _number(number.group(1)) not in theirs
        return _VOCAB.get(stems(name[: number.start()]), ("",))[0] == "role"

    def _edition_of(self, name: str) -> str | None:
        """The one system named ``name:<edition>`` (``1С`` -> ``1С:УНФ``), else None."""
        if self._editions[0] != len(self.systems):
            editions: dict[str, list[str]] = {}
            for draft in self.systems.values():
                if ":" in draft.name:
                    editions.setdefault(draft.name.split(":", 1)[0].casefold(), []).append(draft.id)
            self._editions = (len(self.systems), editions)
        found = self._editions[1].get(name.strip().casefold(), [])
        return found[0] if len(found) == 1 and len(name.strip()) >= 2 else None

    def _close_spelling(self, name: str) -> str | None:
        """``Bitirx24`` -> ``Bitrix24``: a known name spelled almost the same, word for word,
        each word starting with the same letter (so ``WMS Томск`` never becomes ``WMS Омск``);
        never a name written as code (``virtualization-dra`` is not ``virtualization-api``)."""
        lowered = name.lower()
        wanted = lowered.split()
        if _CODE_NAME.fullmatch(lowered):
            return None  # ``virtualization-audit`` is not ``virtualization-api`` misspelt
        candidates = self._shapes.get(_shape(wanted), ())
        if len(compact(name)) < 5 or not any(_may_be(lowered, known) for known in candidates):
            return None
        from rapidfuzz import fuzz, process  # noqa: PLC0415 (only a name some surface may be)

        for surface, score, _ in process.extract(
            name.lower(), list(self._surfaces), scorer=fuzz.ratio, limit=5
        ):
            if score >= 85 and _shape(surface.split()) == _shape(wanted):
                if _two_products(lowered, surface):
                    continue  # ``UnisenderGo`` is not ``Unisender`` misspelt
                return self._surfaces[surface]
        return None

    def _named(self, name: str) -> str | None:
        """The system a cell's name means, creating the role system a role word names."""
        return self._find(name, True, create=True)

    def resolve(self, cell: str) -> Resolved:
        """What a system cell names: ``Analytics (GA4, Meta Pixel)`` -> analytics + parts.

        Not a mere look-up: a role word creates its role system when none plays it yet, and
        well-known tools named beside or in the bracket of their group become its parts; a
        person listed among systems (``Пользователь / d8 CLI``) is left out."""
        text = _people_left_out(cell.strip())
        if not text or stems(text) in NOT_SYSTEMS:
            return Resolved(None)
        head, inner = split_head(text)
        whole = self.lookup_name(text) if inner or _NAME_LIST.search(head) else None
        if whole is not None:  # ``amoCRM (опт)`` beside ``amoCRM (розница)``; ``MySQL / MariaDB``
            return Resolved(whole)
        names = [n for n in _NAME_LIST.split(head) if n.strip()]
        find = self._named
        found = [find(n) for n in names] if len(names) > 1 else [find(head)]
        unnamed: list[str] = []
        if len(names) > 1 and None in found:
            parts = self._known_parts(names, found)
            unnamed = [n.strip() for n, f in zip(names, found, strict=True) if f is None]
            roles = any(stems(n) in role_stems() for n, f in zip(names, found, strict=True) if f)
            if parts or roles or not all(map(_a_name, unnamed)):  # ``Site / BrightDesk app``
                found, unnamed = parts or [find(head)], []
        found = [f for f in found if f]
        if not found:
            if stems(head) in NOT_SYSTEMS or not head:
                return Resolved(None)
            return Resolved(None, unknown=head)
        tops = list(dict.fromkeys(self.top(f) for f in found))
        system = tops[0]
        parts = [f for f in found if f != system and self.top(f) == system]
        if len(tops) == 1:
            parts += self._bracket_parts(system, inner)
        return Resolved(
            system, tuple(dict.fromkeys(parts)), others=tuple(tops[1:]), unnamed=tuple(unnamed)
        )

    def _known_parts(self, names: list[str], found: list[str | None]) -> list[str | None]:
        """``GA4 / Analytics``: well-known tools named beside their group become its parts."""
        groups = {self.systems[f].kind: f for f in found if f and self.systems[f].parent is None}
        out: list[str | None] = []
        for name, hit in zip(names, found, strict=True):
            kind = known_kind(name) if hit is None else None
            if hit is None and (kind is None or kind not in groups):
                return []
            out.append(hit if hit is not None else self.part(groups[kind], name.strip()).id)
        return out

    def _bracket_parts(self, system: str, inner: str | None) -> list[str]:
        """Parts of ``system`` named in its bracket; data words in the bracket are ignored."""
        if not inner:
            return []
        parts: list[str] = []
        for name in split_top(inner, ",;/"):
            hit = self.lookup(name)
            if hit and hit != system and self.systems[hit].parent == system:
                parts.append(hit)
            elif hit is None and self.systems[system].kind != "actor":
                kind = known_kind(name)
                if kind and kind == self.systems[system].kind:
                    parts.append(self.part(system, name).id)
        return parts

    def part(self, parent: str, name: str, line: int | None = None) -> Draft:
        """The part ``name`` of group ``parent``, created if new."""
        existing = self.lookup(name, fuzzy=False)
        if existing and self.systems[existing].parent == parent:
            return self.systems[existing]
        kind = self.systems[parent].kind
        return self.add(name, kind, parent=parent, product=name, line=line)

    def kind_of(self, system_id: str) -> str:
        """The kind of a system (cms, crm, ..., actor)."""
        return self.systems[system_id].kind

    def top(self, system_id: str) -> str:
        """The group a part belongs to (or the system itself)."""
        parent = self.systems[system_id].parent
        return parent if parent else system_id

    def freeze(self) -> list[System]:
        return [d.freeze() for d in self.systems.values()]


def _two_products(name: str, known: str) -> bool:
    """Whether two spellings are two products of the catalogue (``UnisenderGo`` and
    ``Unisender``, ``Amazon SNS`` and ``Amazon SQS``), not one written in the singular and
    the plural (``Google Sheet``, ``Google Sheets``)."""
    if catalogue_kind(name) is None or catalogue_kind(known) is None:
        return False
    return compact(name).removesuffix("s") != compact(known).removesuffix("s")


def _actor_form(surface: str, words_: list[str]) -> bool:
    """Russian actor words match in any case form; English ones only as the noun itself or
    its plural (``subscriber`` is an actor, ``subscribe`` is not)."""
    if re.search(r"[а-яё]", surface, re.IGNORECASE):
        return True
    lowered = surface.lower()
    return any(lowered in (w, w + "s") for w in words_)


def synonyms(name: str) -> list[str]:
    """Other names of the product ``name`` (``Яндекс Метрика`` -> ``Метрика``, ...)."""
    squeezed = compact(name)
    for group in PRODUCT_SYNONYMS:
        if squeezed in {compact(g) for g in group}:
            return [g for g in group if compact(g) != squeezed]
    return []


_LINKING_WORDS = frozenset({"for", "of", "and", "on", "the", "&", "для", "и"})
"""Words a name's initials skip (``Amazon Managed Service for Apache Flink``)."""
MIN_INITIALS_WORDS = 3
"""Words a name needs for its initials to name it alone: two words give two letters, which
many names share (``GA`` is Google Ads or Google Analytics)."""


def compound_head(name: str) -> list[str]:
    """The component word a Russian compound name ends in, which the text may name it by
    alone (``Сервис-адаптер`` -> ``адаптер``: "отправляет его в ваш адаптер"); none for
    any other name.

    >>> compound_head("Сервис-адаптер"), compound_head("Бот-помощник"), compound_head("GREEN-API")
    (['адаптер'], [], [])
    """
    found = _COMPOUND.fullmatch(name.strip())
    if found is None or found["head"].casefold() not in COMPONENT_HEADS:
        return []
    return [found["head"].casefold()]


_COMPOUND = re.compile(r"[А-ЯЁа-яё]+-(?P<head>[А-ЯЁа-яё]+)")
"""A Russian name of two words joined by a hyphen (``Сервис-адаптер``)."""


def initials(name: str) -> list[str]:
    """The initials a document may write for a name of capitalised words, with and without
    its maker (``Application Load Balancer`` -> ``ALB``, ``Amazon Kinesis Data Streams`` ->
    ``AKDS`` and ``KDS``); none for a name of fewer than three such words or with a word
    that is not one, nor initials that name a maker or a cloud (``GCP``, ``AWS``): the place
    of many products, no one system.

    >>> initials("Application Load Balancer"), initials("Amazon Kinesis Data Streams")
    (['ALB'], ['AKDS', 'KDS'])
    >>> initials("Google Ads"), initials("Order processor"), initials("Google Analytics 4")
    ([], [], [])
    >>> initials("Google Cloud Platform"), initials("Amazon Web Services")
    ([], [])
    """
    words = [w for w in name.split() if w.casefold() not in _LINKING_WORDS]
    if not all(w[:1].isupper() and w.isalpha() for w in words):
        return []
    forms = [words, words[1:] if words and words[0].casefold() in VENDOR_WORDS else []]
    found = [
        "".join(w[0] for w in form)
        for form in forms
        if MIN_INITIALS_WORDS <= len(form) <= MAX_INITIALS + 1
    ]
    return [f for f in found if f.casefold() not in PLATFORM_BRANDS | VENDOR_WORDS]


def _number(text: str) -> str:
    """A number as a name ends in it, without leading zeros: ``01`` and ``1`` are one."""
    return ".".join(number_key(part) for part in re.split(r"[.,]", text))


_QUOTED = re.compile(r"\s*(?:«[^«»]*»|\"[^\"]*\"|“[^“”]*”|„[^„“”]*[“”])\s*")
_TRAILING_NUMBER = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*$")
_VERSION = re.compile(r"\s+v?\d+(?:[.,]\d+)*[a-z]?$", re.IGNORECASE)
_EDITION = re.compile(r"^(.+?\S):\s+\S")


def short_forms(name: str) -> list[str]:
    """The shorter names a map may use later for the product ``name`` that section 1 gives
    with qualifiers: without a version (``Drupal 10``), an edition after a colon
    (``1С-Битрикс: Управление сайтом``), a quoted brand (``Мобильное приложение «Ромашка»``),
    what follows a comma (``Хранилище на PostgreSQL, отчёты в Power BI``); either side of a
    platform word (``Сайт на Drupal`` -> ``Drupal``, ``Хранилище на PostgreSQL`` ->
    ``Хранилище``); without the maker (``Yandex DataLens``); and the initials after ``1С:``
    (``1С:Управление торговлей`` -> ``1С:УТ``). Role and actor words and words naming nothing
    are left out.

    >>> short_forms("Сайт на Drupal 10")
    ['Сайт на Drupal', 'Drupal 10', 'Drupal']
    >>> short_forms("1С:Управление торговлей 11.5")
    ['1С:Управление торговлей', '1С:УТ', 'Управление торговлей']
    >>> short_forms('Patient app "SmileBook"')
    ['Patient app']
    >>> short_forms("Yandex DataLens"), short_forms("Google Ads"), short_forms("Tilda")
    (['DataLens'], [], [])
    """
    found: list[str] = []
    todo = [name.strip()]
    while todo:
        current = todo.pop(0)
        for shorter in _shorter(current):
            form = " ".join(shorter.split()).strip(" ,;:-—–")
            if form and form != name and form not in found and _names_something(form):
                found.append(form)
                todo.append(form)
    return found


def _shorter(name: str) -> list[str]:
    """One step of :func:`short_forms`: every form one qualifier shorter than ``name``."""
    out: list[str] = []
    head, _ = split_head(name)
    if head != name:
        out.append(head)
    edition = _EDITION.match(name)
    if edition and "//" not in name:
        out.append(edition.group(1))
    first = split_top(name, ",")
    if len(first) > 1:
        return [first[0]]
    unquoted = _QUOTED.sub(" ", name).strip()
    if unquoted != name:
        out.append(unquoted)
    out.append(_VERSION.sub("", name))
    ws = name.split()
    lowered = [w.lower() for w in ws]
    for size in (2, 1):
        for i in range(1, len(ws) - size):
            if " ".join(lowered[i : i + size]) in PLATFORM_WORDS:
                platform = ws[i + size :]  # a name: 'на Drupal', not 'на базе движка'
                out += [" ".join(ws[:i])] + [" ".join(platform)] * _is_name(platform[0])
    other = another_without_maker(name)
    if len(ws) > 1 and lowered[0] in VENDOR_WORDS and _distinctive(ws[1:]) and not other:
        out.append(" ".join(ws[1:]))
    out += _abbreviations(name)
    return [o for o in out if o and o != name]


def _is_name(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _distinctive(ws: list[str]) -> bool:
    """Several words, or one with a capital inside, initials or a digit (``DataLens``,
    ``SES``, ``S3``), not a common word such as ``Ads``, ``Доставка`` or ``SHEETS`` (a word
    written in capitals)."""
    if len(ws) > 1:
        return True
    word = ws[0]
    camel = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
    initials = word.isupper() and len(word) <= MAX_INITIALS
    return camel or initials or any(c.isdigit() for c in word)


MAX_INITIALS = 4
"""A word in capitals this long at most is initials (``SES``, ``AWS``), not a common word."""


def _abbreviations(name: str) -> list[str]:
    """``1С:Управление нашей фирмой`` -> ``1С:УНФ`` and ``Управление нашей фирмой``."""
    for vendor in ABBREVIATED_VENDORS:
        if not name.startswith(vendor + ":"):
            continue
        rest = _VERSION.sub("", name[len(vendor) + 1 :]).split()
        if len(rest) < 2 or not all(w[:1].isalpha() for w in rest):
            return []
        initials = "".join(w[0].upper() for w in rest)
        return [f"{vendor}:{initials}", " ".join(rest)]
    return []


def _names_something(form: str) -> bool:
    key = stems(form)
    return (
        bool(key)
        and key not in NOT_SYSTEMS
        and key not in _VOCAB
        and len(compact(form)) >= 2
        and not compact(form).isdigit()
    )


@cache
def role_stems() -> dict[tuple[str, ...], str]:
    """The stems of each role word -> its role (``сайта`` and ``сайт`` -> cms)."""
    return {stems(word): kind for kind, words in ROLE_WORDS.items() for word in words}


def known_kind(name: str) -> SystemKind | None:
    """The role of a well-known product (``HubSpot`` -> crm), else None."""
    squeezed = compact(name)
    for kind, products in KNOWN_PRODUCTS.items():
        if squeezed in {compact(p) for p in products}:
            return kind  # type: ignore[return-value]
    return None


_CODE_NAME = re.compile(r"[\w.]+(?:[-_][\w.]+)+")
"""A name written as code (``virtualization-api``, ``orders_db``): services of one system
share all but a part of it, so a close spelling of one is another, never a typo."""


def catalogue_kind(name: str, extra: dict[str, list[str]] | None = None) -> SystemKind | None:
    """The kind of a product of the catalogue (``KNOWN_PRODUCTS``, ``MORE_PRODUCTS`` and the
    ``extra`` of ``flowviz.yaml``), else None: ``Telegram`` -> other, ``Tilda`` -> cms."""
    squeezed = compact(name)
    kind = _catalogue().get(squeezed)
    if kind is not None:
        return kind
    for category, products in (extra or {}).items():
        if squeezed in {compact(p) for p in products}:
            return PRODUCT_CATEGORY_KINDS.get(category, "other")
    return None


@cache
def _catalogue() -> dict[str, SystemKind]:
    """Squeezed product name -> kind, for ``KNOWN_PRODUCTS`` and then ``MORE_PRODUCTS``."""
    index: dict[str, SystemKind] = {}
    for category, products in MORE_PRODUCTS.items():
        for product in products:
            index.setdefault(compact(product), PRODUCT_CATEGORY_KINDS.get(category, "other"))
    for kind, products in KNOWN_PRODUCTS.items():
        for product in products:
            index[compact(product)] = kind  # type: ignore[assignment]
    return index


def _sibling_products(word: str, name: str) -> bool:
    """Whether ``word`` and the longer ``name`` it begins are two products of the catalogue: in
    one role (``Unisender`` and ``Unisender Go``, both email platforms), or ``name`` being
    another product qualified by ``word`` (``Gmail Pub/Sub`` is Pub/Sub); not a maker's name
    for its tool in another role (``LinkedIn`` for the ``LinkedIn Insight Tag`` of analytics)."""
    kind = catalogue_kind(word)
    if kind is None or compact(word) == compact(name):
        return False
    rest = name[len(word) :].strip() if name.casefold().startswith(word.casefold()) else ""
    return kind == catalogue_kind(name) or (bool(rest) and catalogue_kind(rest) is not None)


def opens_a_makers_product(match: re.Match[str], text: str) -> bool:
    """Whether a product found in ``text`` is its maker's name opening a longer one (``SAP AI
    Core``, ``SAP S/4HANA Cloud``) or the maker's possessive (``SAP's co-pilot``), not the
    product of the catalogue that bears the maker's name."""
    maker = match.group().casefold() in VENDOR_WORDS
    return maker and _NAME_GOES_ON.match(text, match.end()) is not None


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z0-9]|['’]s\b")
"""A next word that goes on a product's name, or the maker's possessive."""


def catalogue_names(extra: dict[str, list[str]] | None = None) -> list[str]:
    """Every product name of the catalogue (``catalogue_kind``), for finding them in text."""
    key = tuple((kind, tuple(names)) for kind, names in sorted((extra or {}).items()))
    return list(_catalogue_names(key))


@lru_cache(maxsize=8)
def _catalogue_names(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """``catalogue_names`` made once per set of ``flowviz.yaml`` products (asked for each
    name a document's readers look up)."""
    tables = (KNOWN_PRODUCTS, MORE_PRODUCTS, dict(extra))
    return tuple(sorted({name for table in tables for names in table.values() for name in names}))


_RUSSIAN_WORD = re.compile(r"[а-яё]{4,}", re.IGNORECASE)


def catalogue_pattern(extra: dict[str, list[str]] | None = None) -> re.Pattern[str]:
    """The products of the catalogue as they stand in a text, a Russian word of a name in
    any case form (``в Яндекс Метрику``, ``из Мегаплана``); made once per set of ``extra``
    products (a document's readers ask for it several times)."""
    return _catalogue_pattern(tuple(catalogue_names(extra)))


@cache
def _catalogue_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = sorted({_any_case(n) for n in names}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def _any_case(name: str) -> str:
    """A name's pattern: each Russian word its stem and up to three more letters, an English
    last word with or without a plural ``s``."""
    out = []
    for word in name.split():
        if _RUSSIAN_WORD.fullmatch(word):
            out.append(re.escape(light_stem(word)) + "[а-яё]{0,3}")
        else:
            out.append(re.escape(word))
    if _ENGLISH_NOUN.fullmatch(name.rsplit(maxsplit=1)[-1]):
        out[-1] += "s?"  # ``Floodlights``
    return r"(?:\s+|-)".join(out)  # ``GREEN-API`` is ``Green API``


_ENGLISH_NOUN = re.compile(r"[a-z]{4,}[^s]", re.IGNORECASE)


def catalogue_spelling(found: str, extra: dict[str, list[str]] | None = None) -> str:
    """A product found in a case form spelled as the catalogue names it, in the text's
    capitals (``Яндекс Метрики`` -> ``Яндекс Метрика``); any other name as it is."""
    if found.isascii():
        return found  # an English plural (``Floodlights``) is kept as the text writes it
    name = _catalogue_keys(tuple(catalogue_names(extra))).get(light_key(found))
    if name is None or name.casefold() == found.casefold():
        return found
    return " ".join(
        same if same.casefold() == word.casefold() else _capitals_of(same, word)
        for same, word in zip(found.split(), name.split(), strict=False)
    )


def _capitals_of(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


@lru_cache(maxsize=8)
def _catalogue_keys(names: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    return {light_key(n): n for n in names if len(n.split()) == len(light_key(n))}


def _vocabulary() -> dict[tuple[str, ...], tuple[str, str]]:
    """Stems of every role and actor word -> ("role", kind) or ("actor", key)."""
    vocab: dict[tuple[str, ...], tuple[str, str]] = {}
    for kind, surfaces in ROLE_WORDS.items():
        for surface in surfaces:
            vocab.setdefault(stems(surface), ("role", kind))
    for actor, surfaces in ACTOR_WORDS.items():
        for surface in surfaces:
            vocab.setdefault(stems(surface), ("actor", actor))
    return vocab


_VOCAB = _vocabulary()


_SPACED_SLASH = re.compile(r"\s+/\s+")


def _people_left_out(cell: str) -> str:
    """A cell listing ends with `` / `` without the persons among them (``Пользователь / d8
    CLI / kube-apiserver`` -> ``d8 CLI / kube-apiserver``); a slash with no spaces joins one
    name (``KVM/libvirt/QEMU``)."""
    parts = _SPACED_SLASH.split(cell)
    kept = [part for part in parts if not is_person(part)]
    return " / ".join(kept) if len(parts) > 1 and kept else cell


def is_person(name: str) -> bool:
    """Whether a name is a person's (``Пользователь``, ``Client``): an actor word alone."""
    return person_key(name) is not None


def person_key(name: str) -> str | None:
    """The actor an actor word alone names (``Пользователи`` -> ``user``), else None; never a
    word that also names a program (``Клиент``, an API client in a table of interfaces)."""
    wanted = stems(name)
    kind, key = _VOCAB.get(wanted, ("", ""))
    return key if kind == "actor" and wanted not in _PROGRAMS_TOO else None


_PROGRAMS_TOO = frozenset(stems(word) for word in ("клиент", "client", "клиенты", "clients"))
"""Actor words that name a program as often as a person."""


_VOCAB_LONGEST = max(len(key) for key in _VOCAB)
_ACTION_VERBS = frozenset(READ_VERBS) | frozenset(WRITE_VERBS)
"""Verbs a step opens with, capitalised there: never the first word of a system's name."""
_VOCAB_STARTS = frozenset(key[0] for key in _VOCAB if len(key) > 1)
_WEAK = {
    stems(w)[0]: kind
    for kind, surfaces in WEAK_WORDS.items()
    for w in surfaces
    if len(stems(w)) == 1
}


def _shape(words: list[str]) -> tuple[str, ...]:
    """The first letter of each word: close spellings keep it."""
    return tuple(word[:1] for word in words)


def _may_be(name: str, surface: str) -> bool:
    """Whether ``surface`` has enough letters in common with ``name`` for a ratio of 85, so
    that the fuzzy search runs only when some surface could pass it (the ratio counts the
    letters of a common subsequence, and two strings have no more of those than they share)."""
    total = len(surface) + len(name)
    if 200 * min(len(surface), len(name)) < 84 * total:
        return False
    return 200 * (Counter(surface) & Counter(name)).total() >= 84 * total


_TO_LATIN = str.maketrans(
    dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
            [
                *("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n"),
                *("o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y"),
                *("", "e", "iu", "ia"),
            ]
            * 2,
            strict=True,
        )
    )
)
"""Each Russian letter as text-unidecode (python-slugify's transliteration) spells it; ``ъ``
and ``ь`` as nothing, as a slug leaves them (text-unidecode's ``'`` is dropped)."""


def slug(text: str) -> str:
    """``slugify(text)``: a system's id. Russian letters are spelled in Latin first, so that a
    name in Russian and ASCII does not load text-unidecode's table (0.3 MB, a fresh
    ``flowviz check``'s 7 ms); any other text goes to python-slugify as it is."""
    latin = text.translate(_TO_LATIN)
    return slugify(latin if latin.isascii() and "&" not in text else text)
