"""Running one demo step in a test: what it said, as one text."""


def run(step) -> str:
    lines: list[str] = []
    step(lines.append)
    return "\n".join(lines)
