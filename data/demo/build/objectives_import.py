#!/usr/bin/env python3
"""Builds the Objectives service's demo files in import format (data/demo/import/) from the tables extracted
from the Cremona documents (data/demo/cremona-dup-2023-2025, data/demo/patto-cremona-2007) and the source
texts (data/demo/sources). Run from anywhere: python3 data/demo/build/objectives_import.py

Writes, per plan, piano.json (a CreatePlanRequest), obiettivi.csv (kind objectives) and, for the DUP,
stati-di-attuazione.csv (kind progress-reports). Texts are taken whole from the sources; what the documents
print is loaded as printed (contradictions are for the data-quality report, not corrected here)."""

import csv
import json
import re
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1]
OUT = DEMO / "import"
DUP_ID, PACT_ID = "dup-2023-2025", "patto-sviluppo-2007"
NOT_DEFINED = "99999"  # what the DUP prints for "no mission/programme": not a budget code
ABSENT = "[field absent in source]"

OBJECTIVE_COLUMNS = ["Codice", "Titolo", "Codice padre", "Livello", "Descrizione", "Responsabile politico",
                     "Responsabile gestionale", "Settore", "Settori coinvolti", "Enti GAP", "Stakeholder", "Missione",
                     "Programma", "SDG", "5P", "Etichette", "Promotori", "Costo stimato", "Fonti di finanziamento",
                     "Stato del progetto"]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split(cell):
    """A "a; b" cell of the extraction as items (a few cells use "||")."""
    return [item.strip() for item in re.split(r";|\|\|", cell or "") if item.strip()]


def printed_owners(cell):
    """The political owners as the DUP prints them ("a - b – c", "a, b"), spelling kept (Znacchi, Zancacchi: the
    data-quality report points them out); only the "(modificato)" mark, which is no part of a name, is dropped."""
    return [re.sub(r"\s*\(modificato\)$", "", item.strip()) for item in re.split(r"\s[-–]\s|,|;", cell or "") if item.strip()]


def join(items):
    return "; ".join(items)


def lines(name):
    return (DEMO / "sources" / name).read_text(encoding="utf-8").split("\n")


def write_csv(path, columns, rows):
    """Semicolon-separated UTF-8; every column named in a row's keys that is not a fixed column is appended."""
    extra = []
    for row in rows:
        extra += [k for k in row if k not in columns and k not in extra]
    header = columns + sorted(extra)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])


def write_plan(folder, plan_id, plan):
    (folder / "piano.json").write_text(json.dumps({"planId": plan_id, "plan": plan}, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")


# ---- DUP 2023-2025 ----

def full_definition(dup, source_line):
    """The strategic objective's definition as printed, from "Definizione dell'Obiettivo:" to "Responsabile Politico"."""
    start = next(i for i in range(source_line - 1, source_line + 60) if re.search(r"Definizione dell.Obiettivo", dup[i]))
    parts = [re.split(r"Definizione dell.Obiettivo:?(\*\*)?:?", dup[start], maxsplit=1)[-1].strip()]
    end = start + 1
    while not dup[end].startswith("Responsabile Politico"):
        parts.append(dup[end].strip())
        end += 1
    return "\n".join(p for p in parts if p)


def five_ps_of_mandate_lines():
    """The five Ps of each mandate line from the mandate-lines document (seed 002), by line number."""
    text = " ".join(lines("linee-mandato-sdg.txt"))
    table = text[text.index("Obiettivo 17"):text.index("QUESTE LINEE STRATEGICHE")]
    names = {"PERSONE": "Persone", "PIANETA": "Pianeta", "PROSPERITÀ": "Prosperità", "PACE": "Pace", "PARTNERSHIP": "Partnership"}
    chunks = re.split(r"(\d+)\.\s*LINEA STRATEGICA", table)[1:]
    result = {}
    for number, chunk in zip(chunks[0::2], chunks[1::2]):
        result[number] = [names[w] for w in re.findall(r"\b(PERSONE|PIANETA|PROSPERITÀ|PACE|PARTNERSHIP)\b", chunk)]
    if len(result) != 10 or not all(result.values()):
        sys.exit(f"five Ps not found for every mandate line: {result}")
    return result


def dup():
    folder = DEMO / "cremona-dup-2023-2025"
    text = lines("dup-cremona-2023-2025.txt")
    strategic = read(folder / "objectives.csv")
    operational = read(folder / "operational_objectives.csv")
    actions = read(folder / "operational_actions.csv")
    five_ps = five_ps_of_mandate_lines()
    rows, reports = [], []

    for area in sorted({s["area_code"]: s for s in strategic}.values(), key=lambda s: int(s["area_code"])):
        rows.append({"Codice": area["area_code"], "Titolo": area["area_name"], "5P": join(five_ps[area["area_code"]]),
                     "Etichette": "Agenda 2030",
                     "Campo fonte": "DUP 2023-2025, sezione 1.3.3; 5P dalle linee di mandato e gli SDG"})
    for s in strategic:
        definition = full_definition(text, int(s["source_line"]))
        if len(definition) != int(s["definition_full_length"]):
            print(f"note: {s['code']} definition has {len(definition)} characters, the table says {s['definition_full_length']}")
        programmes = [p for p in split(s["programmes_1_3_4"]) if p != NOT_DEFINED]
        rows.append({"Codice": s["code"], "Titolo": s["name"], "Codice padre": s["area_code"], "Descrizione": definition,
                     "Responsabile politico": join(printed_owners(s["political_owner"])),
                     "Missione": join(dict.fromkeys(p.split(".")[0] for p in programmes)), "Programma": join(programmes),
                     "Campo fonte": f"DUP 2023-2025, sezione 1.3.3, riga {s['source_line']}"})

    by_objective = {}
    for a in actions:
        by_objective.setdefault(a["operational_objective_code"], []).append(a)
    for o in operational:
        row = {"Codice": o["code"], "Titolo": o["name"], "Codice padre": o["strategic_objective_code"],
               "Responsabile politico": join(printed_owners(o["political_owner"])),
               "Responsabile gestionale": o["objective_manager_normalized"], "Settore": o["associated_sector"],
               "Settori coinvolti": join(split(o["involved_sectors_split"])), "Enti GAP": join(split(o["gap_entities"])),
               "Stakeholder": join(split(o["stakeholders"])),
               "Missione": "" if o["mission_code"] == NOT_DEFINED else o["mission_code"],
               "Programma": "" if o["programme_code"] == NOT_DEFINED else o["programme_code"],
               "Etichette": "modificato" if o["marked_modificato"] == "yes" else "",
               "Campo fonte": f"DUP 2023-2025, sezione 2.1.2, riga {o['source_line']}"}
        status = corrective = ""
        for a in by_objective.get(o["code"], []):
            if a["kind"] == "action" and a["text"].strip() and a["text"] != ABSENT:
                row[f"Azioni {a['year']}"] = a["text"]
            elif a["kind"] == "mid_year_status" and a["text"] != ABSENT:
                status = a["text"]  # the extraction keeps these whole (text_length)
            elif a["kind"] == "corrective_action" and a["text"] != ABSENT:
                corrective = a["text"]
        rows.append(row)
        if status or corrective:
            # The DUP prints no state: every report is "In linea" (see data/demo/README.md).
            reports.append({"Codice obiettivo": o["code"], "Periodo": "2022-H1", "Stato": "In linea",
                            "Stato di attuazione": status, "Azioni correttive": corrective})

    out = OUT / DUP_ID
    out.mkdir(parents=True, exist_ok=True)
    write_plan(out, DUP_ID, {
        "title": "Documento Unico di Programmazione 2023-2025 - Comune di Cremona", "kind": "DUP",
        "startYear": 2023, "endYear": 2025,
        "description": "Sezione strategica (mandato 2019-2024) e sezione operativa (2023-2025). Due obiettivi operativi "
                       "(4.2.4 sotto 4.4, 4.4.2 sotto 6.2) hanno un codice che non estende quello del padre: il piano non "
                       "impone la regola.",
        "levels": ["Linea di mandato", "Obiettivo strategico", "Obiettivo operativo"], "freeChildCodes": True})
    write_csv(out / "obiettivi.csv", OBJECTIVE_COLUMNS, rows)
    write_csv(out / "stati-di-attuazione.csv", ["Codice obiettivo", "Periodo", "Stato", "Stato di attuazione", "Azioni correttive"], reports)
    return len(rows), len(reports)


# ---- Development pact 2007 ----

def quoted(source, first, last):
    """Lines first..last of the pact as one paragraph, words broken across lines ("rea-\\nlizzazione") rejoined."""
    text = "\n".join(line.rstrip() for line in source[first - 1:last])
    return re.sub(r"\s+", " ", re.sub(r"(\w)-\n(\w)", r"\1\2", text)).strip()


def pact():
    folder = DEMO / "patto-cremona-2007"
    source = lines("patto-sviluppo-cremona-2007.txt")
    rows = []
    # Who the pact is made of and what it draws on (sections 1.3-1.4): the same for every focus.
    promoters = ["Provincia di Cremona", "Camera di Commercio di Cremona", "Comune di Cremona", "Comune di Crema", "Comune di Casalmaggiore"]
    partners = ["Regione Lombardia", "Università Cattolica del Sacro Cuore di Piacenza - sede di Cremona"]
    funding = ["risorse interne, messe a disposizione dai soggetti che sottoscrivono il patto",
               "risorse esterne: Regione Lombardia (AQST), ministeriali, comunitarie (Programmazione comunitaria 2007-2013) e di altra provenienza (fondazioni)"]
    focus_of_axis = {}
    for focus in (f for f in read(folder / "focuses.csv") if f["focus_id"].startswith("FOC")):
        code = "F" + focus["order"]
        rows.append({"Codice": code, "Titolo": focus["name"], "Descrizione": focus["description_quote"],
                     "Promotori": join(promoters), "Enti GAP": join(partners), "Fonti di finanziamento": join(funding),
                     "Campo nota": "assi attribuiti per inferenza dal testo della vision",
                     "Campo fonte": f"Patto per lo sviluppo, riga {focus['source_line']}; promotori, partner e risorse: sezioni 1.3-1.4"})
        for axis in split(focus["axes_inferred"]):
            focus_of_axis[axis] = code
    for axis in read(folder / "axes.csv"):
        rows.append({"Codice": axis["axis_no"], "Titolo": axis["title_in_list"], "Descrizione": axis["title_in_section_heading"],
                     "Codice padre": focus_of_axis[axis["axis_no"]], "Campo tavolo": axis["tavolo"]})
    for action in read(folder / "emblematic_actions.csv"):
        rows.append({"Codice": action["ea_code"], "Titolo": action["title"], "Descrizione": action["description_quote"],
                     "Codice padre": split(action["axis_no"])[0], "Campo assi": action["axis_no"],
                     "Campo struttura": action["structure"], "Campo finanziamento": action["funding_note"]})
    for project in read(folder / "projects.csv"):
        if project["item_type"].startswith("proposta progettuale di contesto"):
            continue  # large works cited only as context, not projects of the pact
        rows.append({"Codice": project["project_id"], "Titolo": project["title"], "Descrizione": project["description_excerpt"],
                     "Codice padre": project["emblematic_action_code"] or split(project["axis_no"])[0], "Livello": "Progetto",
                     "Promotori": join(split(project["promoter_or_actors_in_text"])), "Costo stimato": project["cost_eur"],
                     "Stato del progetto": project["state_in_text"], "Campo tipo": project["item_type"],
                     "Campo finanziamento": project["funding_in_text"], "Campo luogo": project["location_in_text"],
                     "Campo tempi": project["timing_in_text"], "Campo gruppo": project["group_in_text"]})

    out = OUT / PACT_ID
    out.mkdir(parents=True, exist_ok=True)
    write_plan(out, PACT_ID, {
        "title": "Patto per lo sviluppo del territorio cremonese", "kind": "DEVELOPMENT_PACT", "startYear": 2007, "endYear": 2013,
        "description": "\n\n".join([
            "Un accordo per il futuro (luglio 2007): vision, assi strategici, azioni emblematiche e progetti.",
            "Gli attori (sezione 1.3): " + quoted(source, 344, 368),
            "Le fasi (sezione 1.3): " + quoted(source, 401, 440),
            "Le risorse del patto (sezione 1.4): " + quoted(source, 488, 508)]),
        "levels": ["Focus", "Asse strategico", "Azione emblematica", "Progetto"], "freeChildCodes": True})
    write_csv(out / "obiettivi.csv", OBJECTIVE_COLUMNS, rows)
    return len(rows)


def main():
    objectives, reports = dup()
    projects = pact()
    print(f"DUP: {objectives} objectives, {reports} progress reports; pact: {projects} objectives")


if __name__ == "__main__":
    main()
