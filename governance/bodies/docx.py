"""The official .docx of a body: the minutes of a meeting and the extract of a decision, on the
shared letterhead. The Kyrgyz text (the original) comes first, the Russian text follows.

The minutes print what ``minutes.content`` froze when the secretary drafted them (see
``selectors.minutes_record``): attendance, quorum, recusals, the agenda, each vote with the rule
that gave its result and who could link votes to voters, and the decisions.
"""

from collections.abc import Callable

from django.utils import timezone

from documents.docx.letterhead import add_letterhead, agency_letterhead, new_document, page_break, paragraph, to_bytes
from governance.bodies.models import Decision, Minutes

WORDS = {
    "ky": {
        "minutes": "ПРОТОКОЛ",
        "extract": "ПРОТОКОЛДОН КӨЧҮРМӨ",
        "decision": "ЧЕЧИМ",
        "present": "Катышкандар",
        "absent": "Катышкан жоктор",
        "invited": "Чакырылгандар",
        "quorum": "Кворум",
        "quorum_yes": "бар",
        "quorum_no": "жок",
        "agenda": "КҮН ТАРТИБИ",
        "recused": "Кызыкчылыктардын кагылышына байланыштуу маселени кароодон четтетилди",
        "vote": "Добуш берүү",
        "secret": "жашыруун",
        "open": "ачык",
        "result": "Макул — {for}, каршы — {against}, калыс — {abstain}. Эреже: {rule}. Жыйынтык: {outcome}.",
        "link": "Добуштарды добуш бергендер менен ким байланыштыра алат",
        "decided": "ЧЕЧИЛДИ",
        "chair": "Төрага",
        "secretary": "Катчы",
        "of": "{members} мүчөнүн {present} катышты",
    },
    "ru": {
        "minutes": "ПРОТОКОЛ",
        "extract": "ВЫПИСКА ИЗ ПРОТОКОЛА",
        "decision": "РЕШЕНИЕ",
        "present": "Присутствовали",
        "absent": "Отсутствовали",
        "invited": "Приглашённые",
        "quorum": "Кворум",
        "quorum_yes": "имеется",
        "quorum_no": "отсутствует",
        "agenda": "ПОВЕСТКА ДНЯ",
        "recused": "Отстранены от рассмотрения вопроса в связи с конфликтом интересов",
        "vote": "Голосование",
        "secret": "тайное",
        "open": "открытое",
        "result": "За — {for}, против — {against}, воздержались — {abstain}. Правило: {rule}. Итог: {outcome}.",
        "link": "Кто может связать голоса с голосовавшими",
        "decided": "РЕШИЛИ",
        "chair": "Председатель",
        "secretary": "Секретарь",
        "of": "присутствовали {present} из {members} членов",
    },
}


def build_minutes(record: dict, letterhead, number: str) -> bytes:
    document = new_document(letterhead)
    add_letterhead(document, letterhead)
    for index, language in enumerate(("ky", "ru")):
        if index:
            page_break(document)
        words = WORDS[language]
        paragraph(document, f"{words['minutes']} № {number}", language=language, bold=True, align="center")
        paragraph(document, record["body"][language], language=language, align="center")
        paragraph(document, f"{record['date']}, {record['place']}", language=language, space_after=12)
        paragraph(document, f"{words['present']}: {', '.join(record['present'])}", language=language)
        if record["absent"]:
            paragraph(document, f"{words['absent']}: {', '.join(record['absent'])}", language=language)
        if record.get("invited"):  # minutes drafted before invitees existed have no such key
            paragraph(document, f"{words['invited']}: {', '.join(record['invited'])}", language=language)
        quorum = record["quorum"]
        state = words["quorum_yes"] if quorum["reached"] else words["quorum_no"]
        of = words["of"].format(present=quorum["present"], members=quorum["members"])
        paragraph(document, f"{words['quorum']}: {state} ({of}).", language=language, space_after=12)
        paragraph(document, words["agenda"], language=language, bold=True, align="center")
        for item in record["items"]:
            paragraph(document, f"{item['position']}. {item['title'][language]}", language=language)
        for item in record["items"]:
            paragraph(document, f"{item['position']}. {item['title'][language]}", language=language, bold=True)
            if item["recused"]:
                paragraph(document, f"{words['recused']}: {', '.join(item['recused'])}.", language=language)
            for poll in item["polls"]:
                kind = words["secret"] if poll["secret"] else words["open"]
                paragraph(document, f"{words['vote']} ({kind}).", language=language)
                paragraph(
                    document,
                    words["result"].format(
                        **{"for": poll["for"], "against": poll["against"], "abstain": poll["abstain"]},
                        rule=poll["rule"][language],
                        outcome=poll["outcome"][language],
                    ),
                    language=language,
                )
                paragraph(document, f"{words['link']}: {poll['link'][language]}", language=language)
            if item["decision"]:
                decision = item["decision"]
                paragraph(document, f"{words['decided']} (№ {decision['number']}):", language=language, bold=True)
                paragraph(document, decision["text"][language], language=language, align="justify", indent=True)
        paragraph(document, "", language=language)
        paragraph(document, f"{words['chair']}: {record['chair']}", language=language)
        paragraph(document, f"{words['secretary']}: {record['secretary']}", language=language)
    return to_bytes(document)


def minutes_renderer(minutes: Minutes) -> Callable[[Minutes], bytes]:
    head = agency_letterhead()
    return lambda signed: build_minutes(signed.content, head, f"{signed.number}")


def build_decision_extract(data: dict, letterhead) -> bytes:
    document = new_document(letterhead)
    add_letterhead(document, letterhead)
    for index, language in enumerate(("ky", "ru")):
        if index:
            page_break(document)
        words = WORDS[language]
        paragraph(document, words["extract"], language=language, bold=True, align="center")
        paragraph(document, data["body"][language], language=language, align="center")
        paragraph(document, f"{data['date']}, {data['place']}", language=language, space_after=12)
        paragraph(document, data["item"][language], language=language, bold=True, space_after=6)
        paragraph(document, f"{words['decision']} № {data['number']}", language=language, bold=True, align="center")
        paragraph(document, data["text"][language], language=language, align="justify", indent=True)
    return to_bytes(document)


def decision_renderer(decision: Decision) -> Callable[[Decision], bytes]:
    head = agency_letterhead()
    meeting = decision.item.meeting

    def build(registered: Decision) -> bytes:
        return build_decision_extract(
            {
                "body": {"ky": meeting.body.name_ky, "ru": meeting.body.name_ru},
                "date": f"{timezone.localdate(meeting.starts_at):%d.%m.%Y}",
                "place": meeting.place or meeting.online_link,
                "item": {"ky": decision.item.title_ky, "ru": decision.item.title_ru},
                "number": registered.number_display,
                "text": {"ky": registered.text_ky, "ru": registered.text_ru},
            },
            head,
        )

    return build
