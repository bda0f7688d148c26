from governance.access.policy import has_role, rule


@rule("staff.add_delegation")
def add_delegation(user, obj=None):
    return has_role(user, "chairman")
