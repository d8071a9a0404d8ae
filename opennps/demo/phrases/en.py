"""English sentences for demo comments."""

from __future__ import annotations

CUSTOMER = {
    "price": {
        "negative": (
            "Prices went up again and nobody explained why.",
            "My monthly bill is too high for what I get.",
            "The new tariff is much more expensive than the old one.",
            "Other operators offer the same for less money.",
            "Hidden charges keep appearing on my bill.",
        ),
        "positive": (
            "Good value for money.",
            "The price is fair for the amount of data I get.",
            "Cheaper than my previous operator, and just as good.",
            "I like that the tariff has no hidden fees.",
        ),
    },
    "quality": {
        "negative": (
            "The connection drops several times a day.",
            "Mobile internet is very slow in the evenings.",
            "There is no signal at all in my flat.",
            "The router you gave me keeps disconnecting.",
        ),
        "positive": (
            "The network is reliable, even outside the city.",
            "Internet speed is excellent, videos never buffer.",
            "Calls are always clear and never drop.",
            "Coverage is great everywhere I travel.",
        ),
    },
    "service": {
        "negative": (
            "I waited forty minutes on the support line.",
            "Support could not solve my problem and kept transferring me.",
            "I had to explain my issue three times to different people.",
            "Nobody called me back although I was promised a call.",
        ),
        "positive": (
            "Support solved my problem in five minutes.",
            "The support agent was patient and really knew the subject.",
            "Quick and helpful answers in the chat.",
            "Every time I call, the problem gets fixed on the first try.",
        ),
    },
    "delivery": {
        "negative": (
            "My order arrived three days late.",
            "The courier did not call before coming and I missed the delivery.",
            "The box was damaged when it arrived.",
            "Nobody could tell me where my parcel was.",
        ),
        "positive": (
            "Delivery was fast, I got the phone the next day.",
            "The courier was on time and polite.",
            "I could track my order at every step.",
        ),
    },
    "usability": {
        "negative": (
            "The app is confusing, I can never find my balance.",
            "The website logs me out all the time.",
            "Paying through the app fails more often than it works.",
            "After the update the app became slow.",
        ),
        "positive": (
            "The app is simple and everything is in one place.",
            "I top up and change my plan in a couple of taps.",
            "The new app design is much clearer.",
            "The website works well on my phone.",
        ),
    },
    "assortment": {
        "negative": (
            "The shop did not have the phone model I needed.",
            "The choice of accessories is poor.",
            "Too few tariffs to choose from, none of them fits my family.",
        ),
        "positive": (
            "A wide choice of phones at good prices.",
            "I found exactly the model I was looking for.",
            "There is a tariff for every need.",
        ),
    },
    "staff": {
        "negative": (
            "The consultant in the shop was rude.",
            "The staff cared more about selling me insurance than about helping.",
            "Nobody in the shop could answer a simple question.",
            "A long queue and only one employee working.",
        ),
        "positive": (
            "The consultant was friendly and helped me choose a phone.",
            "The staff in the shop set everything up for me.",
            "Very polite and competent employees.",
        ),
    },
    "communication": {
        "negative": (
            "Too many advertising text messages.",
            "I was not warned about the price change.",
            "The bill is impossible to understand.",
            "Nobody told me that my contract was about to end.",
        ),
        "positive": (
            "You always tell me about changes in advance.",
            "Clear bills and no surprises.",
            "I like the reminders before my payment is due.",
        ),
    },
    "loyalty": {
        "negative": (
            "The bonus points expire too quickly.",
            "The loyalty programme is complicated and the rewards are small.",
            "As a long-time customer I expected more from the loyalty programme.",
        ),
        "positive": (
            "The new loyalty programme is a nice surprise.",
            "I have already paid for a month with my bonus points.",
            "Finally you reward loyal customers.",
            "The Aurora Plus bonuses are a reason to stay with you.",
        ),
    },
}

EMPLOYEE = {
    "pay": {
        "negative": (
            "Salaries have not kept up with inflation.",
            "The pay is below the market for my role.",
            "Bonuses are unpredictable and the rules are unclear.",
        ),
        "positive": (
            "The salary is fair and always paid on time.",
            "Good benefits, especially the health insurance.",
            "The annual bonus is generous.",
        ),
    },
    "workload": {
        "negative": (
            "There is too much overtime.",
            "We are always short of people.",
            "The call queue never ends and there is no time for breaks.",
        ),
        "positive": (
            "The workload is reasonable and the schedule is flexible.",
            "I can keep a healthy balance between work and life.",
            "The days working from home help a lot.",
        ),
    },
    "management": {
        "negative": (
            "My manager never gives feedback.",
            "Decisions are made at the top without asking the people who do the work.",
            "Priorities change every week.",
        ),
        "positive": (
            "My manager supports me and trusts me.",
            "Leadership explains its decisions openly.",
            "I always know what is expected of me.",
        ),
    },
    "team": {
        "negative": (
            "There is little cooperation between departments.",
            "The atmosphere in the team has become tense.",
            "Good people keep leaving.",
        ),
        "positive": (
            "Great colleagues, always ready to help.",
            "I enjoy working with my team.",
            "The team spirit is excellent.",
        ),
    },
    "growth": {
        "negative": (
            "I see no way to grow here.",
            "Training is promised but never happens.",
            "Promotions go to people from outside rather than to our own.",
        ),
        "positive": (
            "I have learned a lot in the past year.",
            "The company pays for courses and certifications.",
            "I was promoted and I feel valued.",
        ),
    },
}

CUSTOMER_CHURN = (
    "I am thinking about switching to another operator.",
    "If nothing changes, I will leave.",
    "I would not recommend you to anyone.",
    "Very disappointing.",
)
CUSTOMER_PRAISE = (
    "Thank you!",
    "Keep it up!",
    "I recommend you to all my friends.",
    "Very happy with Aurora.",
)
EMPLOYEE_CHURN = (
    "I am looking for another job.",
    "I would not advise a friend to apply here.",
)
EMPLOYEE_PRAISE = (
    "Proud to work here.",
    "A great place to work.",
)
SUGGESTIONS = (
    "A family plan with shared data would be great.",
    "More gigabytes for the same price.",
    "A discount for customers who have been with you for years.",
    "Free roaming in neighbouring countries.",
    "A faster way to reach a real person in support.",
    "Better coverage in the countryside.",
)
