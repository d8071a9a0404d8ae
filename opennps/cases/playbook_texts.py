"""The shipped playbooks: what to do for each group, and a reply to start from, per language.

These are content a team edits (see PlaybookOverride), not interface strings, so they live here as
one dict per language rather than in the gettext catalogues. `{name}` and `{brand}` in a reply are
filled in when the reply is drafted.
"""

from __future__ import annotations

from typing import TypedDict


class Playbook(TypedDict):
    steps: list[str]
    reply_subject: str
    reply_body: str


ENGLISH: dict[str, Playbook] = {
    "detractor": {
        "steps": [
            "Apologise for the experience, personally and without excuses.",
            "Ask what exactly went wrong and what would put it right for them.",
            "Offer a concrete remedy: a fix, a refund, a replacement or a credit.",
            "Escalate to the team that owns the problem if you cannot solve it yourself.",
        ],
        "reply_subject": "We are sorry, and we would like to put it right",
        "reply_body": (
            "Dear {name},\n\n"
            "Thank you for telling us honestly how {brand} let you down. I am sorry for the "
            "trouble this caused you.\n\n"
            "Could you tell me what exactly went wrong, and what would put it right for you? "
            "Just reply to this e-mail; I read every answer myself and will come back to you "
            "with a solution.\n\n"
            "Kind regards"
        ),
    },
    "passive": {
        "steps": [
            "Thank them for the score and ask what would make it a 10.",
            "Offer a guide or a short walkthrough of what they may be missing.",
            "Suggest an upgrade or a discount that fits how they use the product.",
        ],
        "reply_subject": "What would make it a 10?",
        "reply_body": (
            "Dear {name},\n\n"
            "Thank you for rating {brand}. We are glad you are with us, and we would like to do "
            "even better.\n\n"
            "What one thing would make your experience a 10? Reply to this e-mail and tell us; "
            "we can also send you a short guide or tell you about an upgrade that might suit "
            "you.\n\n"
            "Kind regards"
        ),
    },
    "promoter": {
        "steps": [
            "Thank them warmly for the score.",
            "Ask for a public review or a referral, with the link.",
            "Offer a loyalty bonus as a thank-you.",
        ],
        "reply_subject": "Thank you from {brand}",
        "reply_body": (
            "Dear {name},\n\n"
            "Thank you so much for recommending {brand}. It means a lot to our team.\n\n"
            "If you have a minute, a short review or a word to a friend would help us a great "
            "deal. As a thank-you, we have a loyalty bonus waiting for you.\n\n"
            "Kind regards"
        ),
    },
    "non_respondent": {
        "steps": [
            "Try another channel: a phone call or an SMS instead of e-mail.",
            "Offer a small incentive for a two-minute answer.",
            "Review the list of non-respondents regularly: silent customers churn more often "
            "than critics.",
        ],
        "reply_subject": "Two minutes of your time?",
        "reply_body": (
            "Dear {name},\n\n"
            "We asked you recently how {brand} is doing, and we would still love to hear from "
            "you. It takes two minutes, and your answer goes straight to the people who can "
            "change things.\n\n"
            "Kind regards"
        ),
    },
}

RUSSIAN: dict[str, Playbook] = {
    "detractor": {
        "steps": [
            "Извинитесь за этот опыт — лично и без оправданий.",
            "Спросите, что именно пошло не так и что поможет исправить ситуацию.",
            "Предложите конкретное решение: исправление, возврат денег, замену или бонус.",
            "Передайте вопрос команде, отвечающей за проблему, если не можете решить его сами.",
        ],
        "reply_subject": "Приносим извинения и хотим всё исправить",
        "reply_body": (
            "Здравствуйте, {name}!\n\n"
            "Спасибо, что честно рассказали, чем {brand} вас разочаровал. Мне очень жаль, что "
            "вам пришлось с этим столкнуться.\n\n"
            "Расскажите, пожалуйста, что именно пошло не так и что помогло бы исправить "
            "ситуацию? Просто ответьте на это письмо — я лично читаю каждый ответ и вернусь к "
            "вам с решением.\n\n"
            "С уважением"
        ),
    },
    "passive": {
        "steps": [
            "Поблагодарите за оценку и спросите, чего не хватило до десятки.",
            "Предложите инструкцию или короткий обзор возможностей, о которых клиент может не знать.",
            "Предложите расширенный тариф или скидку, подходящие под его задачи.",
        ],
        "reply_subject": "Чего не хватило до десятки?",
        "reply_body": (
            "Здравствуйте, {name}!\n\n"
            "Спасибо за вашу оценку {brand}. Мы рады, что вы с нами, и хотим стать ещё лучше.\n\n"
            "Что одно изменение сделало бы ваш опыт идеальным? Ответьте на это письмо — а мы "
            "можем прислать короткую инструкцию или рассказать о тарифе, который может вам "
            "подойти.\n\n"
            "С уважением"
        ),
    },
    "promoter": {
        "steps": [
            "Тепло поблагодарите за высокую оценку.",
            "Попросите оставить отзыв или порекомендовать вас знакомым — со ссылкой.",
            "Предложите бонус за лояльность в знак благодарности.",
        ],
        "reply_subject": "Спасибо от {brand}",
        "reply_body": (
            "Здравствуйте, {name}!\n\n"
            "Большое спасибо, что рекомендуете {brand}. Для нашей команды это очень важно.\n\n"
            "Если у вас найдётся минутка, короткий отзыв или рекомендация друзьям нам очень "
            "помогут. В благодарность вас ждёт бонус для постоянных клиентов.\n\n"
            "С уважением"
        ),
    },
    "non_respondent": {
        "steps": [
            "Попробуйте другой канал: звонок или SMS вместо письма.",
            "Предложите небольшое вознаграждение за ответ, который займёт две минуты.",
            "Регулярно просматривайте список не ответивших: молчащие клиенты уходят чаще, "
            "чем критики.",
        ],
        "reply_subject": "Найдётся две минуты?",
        "reply_body": (
            "Здравствуйте, {name}!\n\n"
            "Недавно мы спрашивали, как вам {brand}, и нам по-прежнему очень важно ваше мнение. "
            "Это займёт две минуты, а ваш ответ попадёт прямо к тем, кто может что-то "
            "изменить.\n\n"
            "С уважением"
        ),
    },
}

KAZAKH: dict[str, Playbook] = {
    "detractor": {
        "steps": [
            "Болған жағдай үшін жеке өзіңіз, ақталмай кешірім сұраңыз.",
            "Нақты не дұрыс болмағанын және жағдайды қалай түзетуге болатынын сұраңыз.",
            "Нақты шешім ұсыныңыз: ақауды жою, ақшаны қайтару, ауыстыру немесе бонус.",
            "Мәселені өзіңіз шеше алмасаңыз, оған жауапты командаға жеткізіңіз.",
        ],
        "reply_subject": "Кешірім сұраймыз және бәрін түзеткіміз келеді",
        "reply_body": (
            "Құрметті {name}!\n\n"
            "{brand} сіздің көңіліңізден неліктен шықпағанын ашық айтқаныңыз үшін рақмет. "
            "Сізге осындай қолайсыздық туғанына шын өкінемін.\n\n"
            "Нақты не дұрыс болмағанын және жағдайды түзету үшін не істеуге болатынын айтып "
            "берсеңіз? Осы хатқа жауап жазыңыз — әр жауапты өзім оқимын және сізге шешіммен "
            "хабарласамын.\n\n"
            "Құрметпен"
        ),
    },
    "passive": {
        "steps": [
            "Бағаңыз үшін алғыс айтып, 10 балл қою үшін не жетпегенін сұраңыз.",
            "Клиент білмеуі мүмкін мүмкіндіктер туралы нұсқаулық немесе қысқа шолу ұсыныңыз.",
            "Оның қажеттіліктеріне сай кеңейтілген тариф немесе жеңілдік ұсыныңыз.",
        ],
        "reply_subject": "10 балл қою үшін не жетпеді?",
        "reply_body": (
            "Құрметті {name}!\n\n"
            "{brand} бағалағаныңыз үшін рақмет. Бізбен біргесіз — бұған қуаныштымыз және "
            "одан да жақсы болғымыз келеді.\n\n"
            "Қандай бір өзгеріс сіздің тәжірибеңізді мінсіз етер еді? Осы хатқа жауап "
            "жазыңыз — біз қысқа нұсқаулық жіберіп немесе сізге лайық тариф туралы айтып "
            "бере аламыз.\n\n"
            "Құрметпен"
        ),
    },
    "promoter": {
        "steps": [
            "Жоғары бағасы үшін шын жүректен алғыс айтыңыз.",
            "Сілтемемен бірге пікір қалдыруды немесе бізді таныстарына ұсынуды өтініңіз.",
            "Алғыс ретінде адал клиентке арналған бонус ұсыныңыз.",
        ],
        "reply_subject": "{brand} атынан алғыс",
        "reply_body": (
            "Құрметті {name}!\n\n"
            "{brand} ұсынғаныңыз үшін үлкен рақмет. Бұл біздің командамыз үшін өте маңызды.\n\n"
            "Бір минут уақытыңыз болса, қысқа пікір немесе достарыңызға айтқан ұсынысыңыз "
            "бізге көп көмектеседі. Алғыс ретінде сізді тұрақты клиент бонусы күтіп тұр.\n\n"
            "Құрметпен"
        ),
    },
    "non_respondent": {
        "steps": [
            "Басқа арнаны қолданып көріңіз: хаттың орнына қоңырау немесе SMS.",
            "Екі минуттық жауап үшін шағын сыйлық ұсыныңыз.",
            "Жауап бермегендердің тізімін жүйелі түрде қарап отырыңыз: үндемейтін клиенттер "
            "сыншыларға қарағанда жиі кетеді.",
        ],
        "reply_subject": "Екі минут уақытыңыз табыла ма?",
        "reply_body": (
            "Құрметті {name}!\n\n"
            "Жақында біз сізден {brand} туралы пікіріңізді сұрадық, сіздің ойыңыз біз үшін "
            "әлі де маңызды. Бұл екі минут қана алады, ал жауабыңыз бірден өзгеріс енгізе "
            "алатын адамдарға жетеді.\n\n"
            "Құрметпен"
        ),
    },
}

BULGARIAN: dict[str, Playbook] = {
    "detractor": {
        "steps": [
            "Извинете се за преживяното — лично и без оправдания.",
            "Попитайте какво точно се е объркало и какво би оправило нещата.",
            "Предложете конкретно решение: поправка, връщане на парите, замяна или бонус.",
            "Ескалирайте към екипа, който отговаря за проблема, ако не можете да го решите сами.",
        ],
        "reply_subject": "Съжаляваме и искаме да оправим нещата",
        "reply_body": (
            "Здравейте, {name},\n\n"
            "Благодарим ви, че честно споделихте с какво {brand} ви разочарова. Съжалявам за "
            "неудобството, което това ви е причинило.\n\n"
            "Бихте ли ми казали какво точно се обърка и какво би оправило нещата за вас? "
            "Просто отговорете на този имейл — чета лично всеки отговор и ще се свържа с вас "
            "с решение.\n\n"
            "Поздрави"
        ),
    },
    "passive": {
        "steps": [
            "Благодарете за оценката и попитайте какво би я направило 10.",
            "Предложете ръководство или кратко представяне на възможности, които може да пропуска.",
            "Предложете по-висок план или отстъпка, подходящи за начина, по който ползва продукта.",
        ],
        "reply_subject": "Какво би направило оценката 10?",
        "reply_body": (
            "Здравейте, {name},\n\n"
            "Благодарим ви, че оценихте {brand}. Радваме се, че сте с нас, и искаме да станем "
            "още по-добри.\n\n"
            "Кое едно нещо би направило преживяването ви за 10? Отговорете на този имейл; "
            "можем да ви изпратим и кратко ръководство или да ви разкажем за план, който може "
            "да ви подхожда.\n\n"
            "Поздрави"
        ),
    },
    "promoter": {
        "steps": [
            "Благодарете сърдечно за високата оценка.",
            "Помолете за отзив или препоръка — с линк.",
            "Предложете бонус за лоялност като благодарност.",
        ],
        "reply_subject": "Благодарим ви от {brand}",
        "reply_body": (
            "Здравейте, {name},\n\n"
            "Сърдечно благодарим, че препоръчвате {brand}. Това означава много за нашия "
            "екип.\n\n"
            "Ако имате минутка, кратък отзив или препоръка на приятел ще ни помогнат много. "
            "Като благодарност ви очаква бонус за лоялни клиенти.\n\n"
            "Поздрави"
        ),
    },
    "non_respondent": {
        "steps": [
            "Опитайте друг канал: обаждане или SMS вместо имейл.",
            "Предложете малък стимул за отговор, който отнема две минути.",
            "Преглеждайте редовно списъка на неотговорилите: мълчаливите клиенти си тръгват "
            "по-често от критиците.",
        ],
        "reply_subject": "Имате ли две минути?",
        "reply_body": (
            "Здравейте, {name},\n\n"
            "Наскоро ви попитахме как се справя {brand} и все още много бихме искали да чуем "
            "мнението ви. Отнема две минути, а отговорът ви отива директно при хората, които "
            "могат да променят нещата.\n\n"
            "Поздрави"
        ),
    },
}

CHINESE: dict[str, Playbook] = {
    "detractor": {
        "steps": [
            "亲自致歉，不找借口。",
            "询问具体哪里出了问题，以及怎样做才能让对方满意。",
            "提供具体的补救措施：修复、退款、换货或补偿。",
            "如果自己无法解决，请将问题升级给负责的团队。",
        ],
        "reply_subject": "非常抱歉，我们希望弥补",
        "reply_body": (
            "{name}，您好：\n\n"
            "感谢您坦诚告诉我们{brand}哪里让您失望了。给您带来的不便，我深表歉意。\n\n"
            "能否告诉我具体哪里出了问题，以及怎样做才能让您满意？直接回复这封邮件即可，"
            "我会亲自阅读每一条回复，并尽快给您一个解决方案。\n\n"
            "此致敬礼"
        ),
    },
    "passive": {
        "steps": [
            "感谢对方的评分，并询问怎样才能让评分变成 10 分。",
            "提供使用指南，或简要介绍对方可能还不了解的功能。",
            "根据对方的使用情况，推荐升级方案或提供折扣。",
        ],
        "reply_subject": "怎样才能让您打 10 分？",
        "reply_body": (
            "{name}，您好：\n\n"
            "感谢您为{brand}评分。很高兴您一直支持我们，我们也希望做得更好。\n\n"
            "有哪一点改进能让您的体验达到 10 分？欢迎直接回复这封邮件告诉我们；"
            "我们也可以为您发送一份简短的使用指南，或介绍一个可能更适合您的方案。\n\n"
            "此致敬礼"
        ),
    },
    "promoter": {
        "steps": [
            "真诚感谢对方的高分评价。",
            "附上链接，邀请对方发表评价或推荐给朋友。",
            "赠送一份会员回馈礼作为感谢。",
        ],
        "reply_subject": "{brand}衷心感谢您",
        "reply_body": (
            "{name}，您好：\n\n"
            "非常感谢您推荐{brand}，这对我们的团队意义重大。\n\n"
            "如果您有一分钟时间，写一条简短的评价或向朋友推荐我们，都将是对我们莫大的帮助。"
            "为表谢意，我们为您准备了一份会员回馈礼。\n\n"
            "此致敬礼"
        ),
    },
    "non_respondent": {
        "steps": [
            "换一个渠道试试：用电话或短信代替邮件。",
            "为两分钟的回答提供一份小小的奖励。",
            "定期查看未回复者名单：沉默的客户比批评者更容易流失。",
        ],
        "reply_subject": "能占用您两分钟吗？",
        "reply_body": (
            "{name}，您好：\n\n"
            "我们最近邀请您评价{brand}，依然非常期待听到您的声音。只需两分钟，"
            "您的回答会直接送到能够做出改变的人手中。\n\n"
            "此致敬礼"
        ),
    },
}

SHIPPED: dict[str, dict[str, Playbook]] = {
    "en": ENGLISH,
    "ru": RUSSIAN,
    "kk": KAZAKH,
    "bg": BULGARIAN,
    "zh-hans": CHINESE,
}
