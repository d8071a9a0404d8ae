"""The people and places of the demo: regions and their languages, customer segments, names,
call-centre agents and the employee groups of the eNPS survey. Plain data, no behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    name: str
    share: float  # of the customer base
    languages: dict[str, float]  # language -> share of the region's customers
    time_zone: str
    utc_offset_hours: int  # standard time; the demo ignores daylight saving
    agents: tuple[str, ...]  # call-centre agents who answer this region's customers


REGIONS: tuple[Region, ...] = (
    Region("Almaty", 0.26, {"ru": 0.58, "kk": 0.37, "en": 0.05}, "Asia/Almaty", 5,
           ("Aigerim", "Yerlan", "Olga")),
    Region("Astana", 0.16, {"kk": 0.52, "ru": 0.45, "en": 0.03}, "Asia/Almaty", 5,
           ("Aigerim", "Yerlan", "Olga")),
    Region("Moscow", 0.20, {"ru": 0.97, "en": 0.03}, "Europe/Moscow", 3, ("Pavel", "Maria")),
    Region("Sofia", 0.14, {"bg": 0.92, "en": 0.08}, "Europe/Sofia", 2, ("Dimitar", "Elena")),
    Region("Shanghai", 0.12, {"zh-hans": 0.93, "en": 0.07}, "Asia/Shanghai", 8,
           ("Li Wei", "Zhang Min")),
    Region("London", 0.12, {"en": 0.88, "ru": 0.05, "bg": 0.04, "zh-hans": 0.03},
           "Europe/London", 0, ("Emma", "James")),
)  # fmt: skip
REGION_BY_NAME = {region.name: region for region in REGIONS}

# The agents the story singles out: one the customers love, one they do not.
BEST_AGENT = "Aigerim"
WORST_AGENT = "Pavel"

AGE_GROUPS = {"18-24": 0.12, "25-34": 0.27, "35-44": 0.25, "45-54": 0.19, "55+": 0.17}
GENDERS = {"female": 0.50, "male": 0.47, "unspecified": 0.03}
# Plans follow spending: most low spenders are on basic, most high spenders on premium.
SPEND_BANDS = {"low": 0.35, "medium": 0.45, "high": 0.20}
PLANS_BY_SPEND = {
    "low": {"basic": 0.72, "standard": 0.25, "premium": 0.03},
    "medium": {"basic": 0.22, "standard": 0.63, "premium": 0.15},
    "high": {"basic": 0.03, "standard": 0.37, "premium": 0.60},
}
TENURE_BANDS = ("<1y", "1-3y", "3y+")

TOUCHPOINTS = {"shop": 0.35, "app": 0.25, "delivery": 0.20, "support": 0.20}
RELATIONSHIP_CHANNELS = {"email": 0.50, "sms": 0.25, "web": 0.15, "phone": 0.10}
# How the post-purchase survey reaches people after each kind of purchase.
PURCHASE_CHANNELS = {
    "shop": {"kiosk": 0.45, "sms": 0.40, "email": 0.15},
    "app": {"widget": 0.70, "email": 0.30},
    "delivery": {"sms": 0.60, "email": 0.40},
    "support": {"phone": 0.60, "sms": 0.40},
}
INVITED_CHANNELS = frozenset({"email", "sms"})

# Employees (eNPS): coarse groups only, so no answer can be traced back to a person.
DEPARTMENTS = {
    "Retail stores": 0.30,
    "Call centre": 0.24,
    "Network engineering": 0.16,
    "IT & digital": 0.12,
    "Sales": 0.10,
    "Head office": 0.08,
}
OFFICES = {"Almaty": 0.34, "Astana": 0.16, "Moscow": 0.20, "Sofia": 0.12, "Shanghai": 0.09,
           "London": 0.09}  # fmt: skip
EMPLOYEE_TENURE = {"<1y": 0.25, "1-3y": 0.40, "3y+": 0.35}

# Names by language: (native, Latin) pairs; surnames as (male, female) in both scripts where the
# language inflects them.
FIRST_NAMES: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "en": {
        "male": (("James", "james"), ("Oliver", "oliver"), ("Harry", "harry"),
                 ("George", "george"), ("Thomas", "thomas"), ("Daniel", "daniel"),
                 ("Samuel", "samuel"), ("Jack", "jack")),
        "female": (("Emma", "emma"), ("Olivia", "olivia"), ("Amelia", "amelia"),
                   ("Sophie", "sophie"), ("Charlotte", "charlotte"), ("Grace", "grace"),
                   ("Lucy", "lucy"), ("Hannah", "hannah")),
    },
    "ru": {
        "male": (("Алексей", "alexey"), ("Дмитрий", "dmitry"), ("Сергей", "sergey"),
                 ("Андрей", "andrey"), ("Иван", "ivan"), ("Михаил", "mikhail"),
                 ("Никита", "nikita"), ("Павел", "pavel")),
        "female": (("Анна", "anna"), ("Мария", "maria"), ("Елена", "elena"), ("Ольга", "olga"),
                   ("Наталья", "natalya"), ("Ирина", "irina"), ("Екатерина", "ekaterina"),
                   ("Татьяна", "tatyana")),
    },
    "kk": {
        "male": (("Ерлан", "yerlan"), ("Нұрлан", "nurlan"), ("Арман", "arman"),
                 ("Данияр", "daniyar"), ("Айдос", "aidos"), ("Бауыржан", "bauyrzhan"),
                 ("Асхат", "askhat"), ("Ержан", "yerzhan")),
        "female": (("Айгерім", "aigerim"), ("Динара", "dinara"), ("Әсел", "assel"),
                   ("Жанар", "zhanar"), ("Гүлнар", "gulnar"), ("Мадина", "madina"),
                   ("Сәуле", "saule"), ("Аружан", "aruzhan")),
    },
    "bg": {
        "male": (("Георги", "georgi"), ("Иван", "ivan"), ("Димитър", "dimitar"),
                 ("Николай", "nikolay"), ("Петър", "petar"), ("Стоян", "stoyan"),
                 ("Христо", "hristo"), ("Мартин", "martin")),
        "female": (("Мария", "maria"), ("Елена", "elena"), ("Десислава", "desislava"),
                   ("Виктория", "viktoria"), ("Йоана", "yoana"), ("Габриела", "gabriela"),
                   ("Надежда", "nadezhda"), ("Ралица", "ralitsa")),
    },
    "zh-hans": {
        "male": (("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("浩", "hao"),
                 ("杰", "jie")),
        "female": (("芳", "fang"), ("娜", "na"), ("静", "jing"), ("丽", "li"), ("婷", "ting"),
                   ("雪", "xue")),
    },
}  # fmt: skip

# (male native, female native, male Latin, female Latin)
SURNAMES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "en": tuple((name, name, name.lower(), name.lower()) for name in (
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Clarke", "Wright",
        "Hughes")),
    "ru": (("Иванов", "Иванова", "ivanov", "ivanova"), ("Смирнов", "Смирнова", "smirnov", "smirnova"),
           ("Кузнецов", "Кузнецова", "kuznetsov", "kuznetsova"), ("Попов", "Попова", "popov", "popova"),
           ("Соколов", "Соколова", "sokolov", "sokolova"), ("Лебедев", "Лебедева", "lebedev", "lebedeva"),
           ("Морозов", "Морозова", "morozov", "morozova"), ("Волков", "Волкова", "volkov", "volkova"),
           ("Новиков", "Новикова", "novikov", "novikova"), ("Фёдоров", "Фёдорова", "fedorov", "fedorova")),
    "kk": (("Абенов", "Абенова", "abenov", "abenova"), ("Нұрланов", "Нұрланова", "nurlanov", "nurlanova"),
           ("Сейтқали", "Сейтқали", "seitkali", "seitkali"),
           ("Жұмабаев", "Жұмабаева", "zhumabayev", "zhumabayeva"),
           ("Омаров", "Омарова", "omarov", "omarova"), ("Ахметов", "Ахметова", "akhmetov", "akhmetova"),
           ("Қасымов", "Қасымова", "kassymov", "kassymova"), ("Беков", "Бекова", "bekov", "bekova")),
    "bg": (("Георгиев", "Георгиева", "georgiev", "georgieva"), ("Иванов", "Иванова", "ivanov", "ivanova"),
           ("Димитров", "Димитрова", "dimitrov", "dimitrova"), ("Петров", "Петрова", "petrov", "petrova"),
           ("Николов", "Николова", "nikolov", "nikolova"), ("Стоянов", "Стоянова", "stoyanov", "stoyanova"),
           ("Христов", "Христова", "hristov", "hristova"), ("Тодоров", "Тодорова", "todorov", "todorova")),
    "zh-hans": tuple((native, native, latin, latin) for native, latin in (
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
        ("黄", "huang"), ("赵", "zhao"))),
}  # fmt: skip

EMAIL_DOMAINS = ("example.com", "example.org", "example.net")  # reserved: mail never leaves

# Shops by region, for the post-purchase survey's `store` attribute.
STORES = {
    "Almaty": ("Almaty Dostyk", "Almaty Abay"),
    "Astana": ("Astana Khan Shatyr",),
    "Moscow": ("Moscow Tverskaya", "Moscow Arbat"),
    "Sofia": ("Sofia Vitosha",),
    "Shanghai": ("Shanghai Nanjing Road",),
    "London": ("London Oxford Street",),
}
