"""What reports print, shared by every stage: how printed text and values are normalised
(`normalize`), the catalogue of table kinds and how titles and codes name them (`tables`), the
everyday words people use for report terms (`vocabulary`), what the narrative states about a
quantity (`statements`), the grade words of 绩效 forms (`grades`) and what in a printed line
is a department's name or the report's year (`names`).

Ingest, index, answer and checks import it; it imports none of them, so the answers and the
checks read a report's cells and sentences the same way.
"""
