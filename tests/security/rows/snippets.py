"""Our models' ViewSets on PolicySnippetViewSet: each view answers as the model's permission policy
says for the model and for the one object (the views must obey the policy, the oracle here)."""

from wagtail.permissions import policy_registry

from documents.models import Notice
from governance.access import policy
from tests.security.matrix import ANONYMOUS, DENIED, LOGIN, METHOD, MISSING, OK, REDIRECT, Row, admin, not_applicable

# app, model, the World's objects of that model
MODELS = [
    ("orders", "order", ["order_public", "order_draft", "order_internal", "order_personnel"]),
    ("orders", "series", ["series"]),
    ("staff", "delegation", ["delegation"]),
    ("structure", "subdivision", ["legal", "finance", "legal_sector"]),
    ("documents", "instruction", ["instruction"]),
    ("documents", "calendarexception", ["calendar_day"]),
]
INSPECTED = {"order", "delegation", "instruction"}  # the ViewSets with an inspect view


def _answer(may: bool, refused=DENIED):
    return frozenset({OK}) if may else frozenset({refused})


def _model_rule(model, check):
    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        return _answer(check(policy_registry.get_by_type(world.objects[model].__class__), world.users[who]))

    return expect


def _object_rows(app, model, names, view, action, refused=DENIED, extra=""):
    rows = []
    for name in names:

        def expect(who, world, name=name):
            if who == ANONYMOUS:
                return frozenset({LOGIN})
            obj = world.objects[name]
            return _answer(
                policy_registry.get(obj).user_has_permission_for_instance(world.users[who], action, obj), refused
            )

        def paths(world, name=name):
            return [f"/admin/snippets/{app}/{model}/{view}/{world.objects[name].pk}/{extra}"]

        rows.append(Row((f"wagtailsnippets_{app}_{model}:{view.replace('-', '_')}",), expect, paths))
    return rows


def _rows(app, model, names):
    viewset = f"wagtailsnippets_{app}_{model}"
    chooser = f"wagtailsnippetchoosers_{app}_{model}"
    first = names[0]
    base = f"/admin/snippets/{app}/{model}/"
    rows = [
        Row(
            (f"{viewset}:list", f"{viewset}:list_results"),
            _model_rule(first, lambda p, u: p.user_has_any_permission(u, {"add", "change", "delete", "view"})),
        ),
        Row((f"{viewset}:add",), _model_rule(first, lambda p, u: p.user_has_permission(u, "add"))),
        *_object_rows(app, model, names, "edit", "change"),
        *_object_rows(app, model, names, "delete", "delete"),
        *_object_rows(app, model, names, "usage", "view"),
        *_object_rows(app, model, names, "history", "view"),
        *_object_rows(app, model, names, "history-results", "view"),
        *(_object_rows(app, model, names, "inspect", "view") if model in INSPECTED else []),
        # the chooser opens for any admin user and lists what the user may view
        Row((f"{chooser}:choose", f"{chooser}:choose_results", f"{chooser}:chosen_multiple"), _admin_open),
        Row((f"{chooser}:create",), _admin_refused),
    ]
    for name in names:

        def chosen(who, world, name=name):
            if who == ANONYMOUS:
                return frozenset({LOGIN})
            obj = world.objects[name]
            may = policy_registry.get(obj).user_has_permission_for_instance(world.users[who], "view", obj)
            return frozenset({OK}) if may else frozenset({MISSING})

        rows.append(
            Row(
                (f"{chooser}:chosen",),
                chosen,
                lambda world, name=name: [f"/admin/snippets/choose/{app}/{model}/chosen/{world.objects[name].pk}/"],
            )
        )
    del base
    return rows


def _admin_open(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({OK})


def _admin_refused(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({DENIED})


def _transition(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({METHOD})  # a POST only, through services


def _chairmans_notice(world):
    return Notice.objects.create(
        user=world.users["chairman"], text_ky="Текшерүү", text_ru="Проверка", url="/admin/snippets/orders/order/"
    )


ROWS = [row for app, model, names in MODELS for row in _rows(app, model, names)]
ROWS += _object_rows("orders", "order", MODELS[0][2], "docx", "view")
ROWS += [
    Row(
        ("wagtailsnippets_orders_order:transition",),
        _transition,
        lambda world: [f"/admin/snippets/orders/order/transition/{world.objects['order_draft'].pk}/submit/"],
    ),
    Row(
        ("wagtailsnippets_documents_instruction:transition",),
        _transition,
        lambda world: [f"/admin/snippets/documents/instruction/transition/{world.objects['instruction'].pk}/report/"],
    ),
    # an annex of a personnel order: for whoever may read the order
    Row(
        ("wagtailsnippets_orders_order:annex",),
        admin(lambda user, world: policy.can(user, "orders.view_order", world.objects["order_personnel"])),
        lambda world: [f"/admin/snippets/orders/order/annex/{world.objects['annex'].pk}/"],
    ),
    Row(
        ("wagtailsnippets_documents_instruction:discipline",),
        admin(lambda user, world: policy.can(user, "documents.view_discipline_report")),
    ),
    # the second step of signing in: any signed-in user may set up an app; the code is asked of
    # whoever has one (nobody here: the form sends them to the set-up)
    # a notice is its recipient's alone: it leads them on; anyone else finds nothing there
    Row(
        ("kyzmat_notice",),
        lambda who, world: frozenset(
            {LOGIN}
            if who == ANONYMOUS or not world.users[who].has_perm("wagtailadmin.access_admin")
            else {REDIRECT if who == "chairman" else MISSING}
        ),
        lambda world: [f"/admin/notices/{_chairmans_notice(world).pk}/"],
    ),
    Row(
        ("kyzmat_notices_read",),
        lambda who, world: frozenset(
            {LOGIN} if who == ANONYMOUS or not world.users[who].has_perm("wagtailadmin.access_admin") else {METHOD}
        ),
    ),
    Row(("two_factor_setup",), admin()),
    Row(("two_factor_verify",), admin(lambda user, world: False, refused=(REDIRECT,))),
    not_applicable(
        "wagtailsnippets_kitapp_*",
        "wagtailsnippetchoosers_kitapp_*",
        why="the lifecycle kit's module that exists only in the tests (tests/documents/kitapp)",
    ),
]
