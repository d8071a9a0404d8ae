"""Write opennps/samples/responses.csv: a realistic, deterministic NPS export for 2025.

    python scripts/make_sample.py            # rewrites the file; the same bytes every time

The story the data tells (so demos and docs have something to find):
- Five markets: Almaty, Astana, Sofia, London, Shanghai, each answering mostly in its languages
  (kk/ru, bg, en, zh).
- A delivery problem hits Astana from May to July: detractors rise and their comments are about
  late couriers; by September Astana is back to normal.
- Web answers run a few points above phone answers (phone calls reach unhappier customers).
- About one respondent in ten answers twice, so `--id respondent_id` has duplicates to drop.
- A few people skipped the score (blank) and some left no comment.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

SEED = 20250101
RESPONSES = 2_000
REPEATERS = 200
OUTPUT = Path(__file__).resolve().parent.parent / "opennps" / "samples" / "responses.csv"

MARKETS = {
    "Almaty": {"kk": 0.4, "ru": 0.6},
    "Astana": {"kk": 0.5, "ru": 0.5},
    "Sofia": {"bg": 0.8, "en": 0.2},
    "London": {"en": 1.0},
    "Shanghai": {"zh": 0.85, "en": 0.15},
}
MARKET_WEIGHTS = {"Almaty": 0.24, "Astana": 0.22, "Sofia": 0.16, "London": 0.2, "Shanghai": 0.18}
CHANNELS = {"web": 0.62, "phone": 0.38}
PLANS = {"Basic": 0.5, "Pro": 0.35, "Business": 0.15}

# Probabilities of (promoter, passive, detractor) before adjustments.
BASE_CLASSES = (0.50, 0.30, 0.20)
PHONE_SHIFT = 0.07  # moved from promoters to detractors for phone answers
DELIVERY_PROBLEM_MONTHS = {5: 0.22, 6: 0.30, 7: 0.18}  # Astana: promoters -> detractors
BLANK_SCORE_SHARE = 0.012
BLANK_COMMENT_SHARE = 0.08

COMMENTS = {
    "promoter": {
        "en": [
            "Fast delivery and friendly support.",
            "Everything works, I recommend it to friends.",
            "Great value for the price.",
            "The app is simple and reliable.",
        ],
        "ru": [
            "Быстрая доставка, всё отлично.",
            "Удобное приложение, рекомендую.",
            "Поддержка ответила за пять минут.",
            "Хорошее качество за свои деньги.",
        ],
        "kk": [
            "Жеткізу жылдам, бәрі керемет.",
            "Қолданба ыңғайлы, ұсынамын.",
            "Қолдау қызметі тез жауап берді.",
        ],
        "bg": [
            "Бърза доставка и любезно обслужване.",
            "Всичко работи, препоръчвам.",
            "Много добро съотношение цена-качество.",
        ],
        "zh": ["送货很快，服务很好。", "应用简单好用，推荐。", "性价比很高。"],
    },
    "passive": {
        "en": [
            "Fine overall, a bit pricey.",
            "Does the job, nothing special.",
            "Support was slow but helpful.",
        ],
        "ru": ["В целом нормально, но дороговато.", "Неплохо, но есть что улучшить."],
        "kk": ["Жалпы жаман емес, бірақ қымбат.", "Орташа, жақсартуға болады."],
        "bg": ["Като цяло добре, но е скъпо.", "Нищо особено, върши работа."],
        "zh": ["总体还行，有点贵。", "一般，可以改进。"],
    },
    "detractor": {
        "en": [
            "Too expensive for what you get.",
            "Support never answered my email.",
            "The app keeps crashing.",
        ],
        "ru": ["Слишком дорого.", "Поддержка не отвечает.", "Приложение постоянно зависает."],
        "kk": ["Тым қымбат.", "Қолдау қызметі жауап бермейді."],
        "bg": ["Твърде скъпо.", "Поддръжката не отговаря."],
        "zh": ["太贵了。", "客服一直不回复。", "应用老是崩溃。"],
    },
    "delivery": {
        "en": ["Delivery was two weeks late.", "The courier never came."],
        "ru": ["Доставка опоздала на две недели.", "Курьер так и не приехал."],
        "kk": ["Жеткізу екі аптаға кешікті.", "Курьер келмеді."],
    },
}


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def class_probabilities(market: str, channel: str, month: int) -> tuple[float, float, float]:
    promoter, passive, detractor = BASE_CLASSES
    if channel == "phone":
        promoter, detractor = promoter - PHONE_SHIFT, detractor + PHONE_SHIFT
    if market == "Astana" and month in DELIVERY_PROBLEM_MONTHS:
        shift = DELIVERY_PROBLEM_MONTHS[month]
        promoter, detractor = promoter - shift, detractor + shift
    return promoter, passive, detractor


def score_for(rng: random.Random, nps_class: str) -> int:
    if nps_class == "promoter":
        return rng.choices([9, 10], weights=[0.45, 0.55])[0]
    if nps_class == "passive":
        return rng.choices([7, 8], weights=[0.45, 0.55])[0]
    return rng.choices(range(7), weights=[0.12, 0.06, 0.08, 0.1, 0.12, 0.22, 0.3])[0]


def comment_for(rng: random.Random, nps_class: str, language: str, delivery: bool) -> str:
    if rng.random() < BLANK_COMMENT_SHARE:
        return ""
    if delivery and language in COMMENTS["delivery"]:
        return rng.choice(COMMENTS["delivery"][language])
    return rng.choice(COMMENTS[nps_class][language])


def answered_at(rng: random.Random) -> dt.datetime:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
    return dt.datetime.combine(day, dt.time(rng.randrange(8, 22), rng.randrange(60)))


def responses(rng: random.Random) -> list[dict[str, str]]:
    people = [f"R{number:05d}" for number in range(1, RESPONSES - REPEATERS + 1)]
    respondents = people + rng.sample(people, REPEATERS)
    home = {person: pick(rng, MARKET_WEIGHTS) for person in people}
    rows = []
    for person in respondents:
        market = home[person]
        when = answered_at(rng)
        channel = pick(rng, CHANNELS)
        promoter, passive, detractor = class_probabilities(market, channel, when.month)
        nps_class = rng.choices(
            ["promoter", "passive", "detractor"], weights=[promoter, passive, detractor]
        )[0]
        language = pick(rng, MARKETS[market])
        delivery = (
            market == "Astana" and when.month in DELIVERY_PROBLEM_MONTHS and nps_class != "promoter"
        )
        blank = rng.random() < BLANK_SCORE_SHARE
        rows.append(
            {
                "respondent_id": person,
                "answered_at": when.strftime("%Y-%m-%d %H:%M"),
                "score": "" if blank else str(score_for(rng, nps_class)),
                "region": market,
                "channel": channel,
                "plan": pick(rng, PLANS),
                "comment": "" if blank else comment_for(rng, nps_class, language, delivery),
            }
        )
    rows.sort(key=lambda row: (row["answered_at"], row["respondent_id"]))
    return rows


def main() -> None:
    rows = responses(random.Random(SEED))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} responses to {OUTPUT} ({OUTPUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
