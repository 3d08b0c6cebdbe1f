"""A project's funds as its 绩效自评表 prints them: executed, execution rate, what is left."""
from __future__ import annotations

name = "project"


def claims(question) -> bool:
    return True  # the projects' names are known only against the document: answer() decides


def answer(question, context, out) -> bool:
    from ..derived import project_funds

    return project_funds(question.text, context.catalog, out)
