"""The demo organisation: its workspaces, members and surveys, with their questions in every language.

The organisation's name is how the loader recognises demo data already loaded, so it is never used
for anything else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_ORGANISATION = "Aurora Group"
CUSTOMER_WORKSPACE = "Aurora Telecom"
# Named so it sorts after the customer workspace: a member signs in to their first workspace by
# name, and a demo visitor should land on the customer story (campaigns, cases, drivers).
EMPLOYEE_WORKSPACE = "Aurora Telecom · Employees"
DEMO_EMAIL = "demo@opennps.local"
# A fixed password: the demo runs on the visitor's own machine and prints it on start.
DEMO_PASSWORD = "aurora-demo"  # noqa: S105

ALL_LANGUAGES = ["en", "ru", "kk", "bg", "zh-hans"]


@dataclass(frozen=True)
class Member:
    email: str
    name: str
    workspace: str
    role: str


# Colleagues of the owner, so a visitor can see what analysts and viewers may do.
MEMBERS: tuple[Member, ...] = (
    Member("analyst@opennps.local", "Dana Analyst", CUSTOMER_WORKSPACE, "analyst"),
    Member("viewer@opennps.local", "Victor Viewer", CUSTOMER_WORKSPACE, "viewer"),
    Member("hr@opennps.local", "Saule HR", EMPLOYEE_WORKSPACE, "admin"),
    Member("viewer@opennps.local", "Victor Viewer", EMPLOYEE_WORKSPACE, "viewer"),
)


@dataclass(frozen=True)
class Question:
    key: str
    labels: dict[str, str]  # language -> label


@dataclass(frozen=True)
class SurveyPlan:
    key: str  # how the generator refers to the survey
    workspace: str
    name: str
    kind: str
    brand: str
    default_language: str
    share: float  # of all demo responses
    questions: tuple[Question, ...] = ()
    hidden_attributes: tuple[str, ...] = ()
    # Days ago the survey started asking the third question (a second version); None = never.
    third_question_since_days_ago: int | None = None
    languages: list[str] = field(default_factory=lambda: list(ALL_LANGUAGES))


PRICE = Question(
    "price",
    {
        "en": "How do you rate our prices?",
        "ru": "Как вы оцениваете наши цены?",
        "kk": "Бағаларымызды қалай бағалайсыз?",
        "bg": "Как оценявате нашите цени?",
        "zh-hans": "您如何评价我们的价格？",
    },
)
QUALITY = Question(
    "quality",
    {
        "en": "How do you rate the quality of our network and products?",
        "ru": "Как вы оцениваете качество связи и продуктов?",
        "kk": "Байланыс пен өнімдеріміздің сапасын қалай бағалайсыз?",
        "bg": "Как оценявате качеството на мрежата и продуктите ни?",
        "zh-hans": "您如何评价我们的网络和产品质量？",
    },
)
SERVICE = Question(
    "service",
    {
        "en": "How do you rate our customer service?",
        "ru": "Как вы оцениваете наше обслуживание?",
        "kk": "Қызмет көрсетуімізді қалай бағалайсыз?",
        "bg": "Как оценявате нашето обслужване?",
        "zh-hans": "您如何评价我们的客户服务？",
    },
)
DELIVERY = Question(
    "delivery",
    {
        "en": "How do you rate the delivery?",
        "ru": "Как вы оцениваете доставку?",
        "kk": "Жеткізуді қалай бағалайсыз?",
        "bg": "Как оценявате доставката?",
        "zh-hans": "您如何评价配送服务？",
    },
)

RELATIONSHIP = SurveyPlan(
    key="relationship",
    workspace=CUSTOMER_WORKSPACE,
    name="Relationship NPS",
    kind="customer",
    brand="Aurora Telecom",
    default_language="en",
    share=0.60,
    questions=(PRICE, QUALITY, SERVICE),
    hidden_attributes=("region", "plan", "tenure"),
    third_question_since_days_ago=365,
)
PURCHASE = SurveyPlan(
    key="purchase",
    workspace=CUSTOMER_WORKSPACE,
    name="After your purchase",
    kind="customer",
    brand="Aurora",
    default_language="en",
    share=0.37,
    questions=(QUALITY, SERVICE, DELIVERY),
    hidden_attributes=("region", "touchpoint", "store", "agent"),
)
EMPLOYEE = SurveyPlan(
    key="enps",
    workspace=EMPLOYEE_WORKSPACE,
    name="Quarterly eNPS pulse",
    kind="employee",
    brand="Aurora Group",
    default_language="en",
    share=0.03,
    hidden_attributes=("department", "tenure", "office"),
)
SURVEYS: tuple[SurveyPlan, ...] = (RELATIONSHIP, PURCHASE, EMPLOYEE)


def responses_per_survey(total: int) -> dict[str, int]:
    """Split `total` responses over the surveys by their shares; the counts add up to `total`."""
    counts = {plan.key: round(total * plan.share) for plan in SURVEYS if plan is not PURCHASE}
    counts[PURCHASE.key] = total - sum(counts.values())
    return counts
