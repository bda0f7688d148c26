import json


def text(response) -> str:
    """What a response shows a reader: its body, with JSON strings unescaped (the chooser answers JSON)."""
    if getattr(response, "streaming", False):
        return ""
    body = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            return json.dumps(json.loads(body), ensure_ascii=False)
        except ValueError:
            return body
    return body
