#!/usr/bin/env python3
"""Writes the demo's indicator files in import format (kind `indicators`, docs/IMPORT_FORMATS.md).

  python3 data/demo/build/indicators.py

Reads the extracted tables under data/demo/ and the source texts under data/demo/sources/, and writes
  import/dup-2023-2025/indicatori.csv        the 44 DUP impact indicators (section 1.3.3) with every period,
                                             the deficit parameters P1-P8 (section 1.2.2) as threshold indicators
                                             and the financial indices of section 1.2.1
  import/patto-sviluppo-2007/indicatori.csv  the pact's 24 strategic indicators and its project monitoring
Notes are taken whole from the DUP text at each row's source_line (the extracted table cuts them at 200
characters); the PDF conversion's math markup ($, \\text{}, \\%, \\times) is removed, nothing else is changed.
"""
import csv
import re
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent
DUP_SOURCE = DEMO / "sources" / "dup-cremona-2023-2025.txt"
PACT_SOURCE = DEMO / "sources" / "patto-sviluppo-cremona-2007.txt"

COLUMNS = ["Indicatore", "Obiettivi", "Titolo", "Descrizione", "Unità di misura", "Tipo", "Polarità", "Formula",
           "Variabili", "Decimali", "Confronto soglia", "Soglia", "Note indicatore", "Fonte dati", "Responsabile",
           "Anno", "Target", "Consuntivo", "Valori variabili", "Nota", "Raggiungimento", "Esito stampato"]

# The DUP's zero actuals that are not measurements (MODEL.md R5): loaded without a Consuntivo.
NOT_MEASURED = {"zero_not_yet_measured", "zero_not_measurable", "zero_data_not_available"}
POLARITY = {"higher_is_better": "Crescente", "lower_is_better": "Decrescente", "binary_1_done_0_not_done": "Sì/No"}
# The waste indicator of objective 1.2 is computed from the kilograms its notes print.
WASTE = "1.2#1"
WASTE_FORMULA = "rd_kg / rsu_kg * 100"


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, COLUMNS, delimiter=";", lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    print(f"{path.relative_to(DEMO)}: {len(rows)} rows")


def unmarked(text):
    """The PDF conversion's math markup removed; spaces collapsed."""
    text = re.sub(r"\\text\{\s*([^}]*?)\s*\}", r" \1 ", text)
    text = text.replace("\\times", "x").replace("\\%", "%").replace("$", "")
    return re.sub(r"\s+", " ", text).strip()


def joined(pieces):
    """Lines of a paragraph as one text; a word the layout broke with a hyphen (`rappre-` `senta`) is joined."""
    text = ""
    for piece in pieces:
        text = text[:-1] + piece if re.search(r"[a-zà-ù]-$", text) else f"{text} {piece}".strip()
    return re.sub(r"\s+", " ", text)


def indicator_id(code):
    """`1.2#1` is `dup-1-2-i1`, the ids the demo has always used."""
    return "dup-" + code.replace(".", "-").replace("#", "-i")


def period_cells(lines, number):
    """Target, Consuntivo, Raggiungimento and the whole note of a period row: the note goes on over the
    following lines that start with four tabs."""
    cells = lines[number - 1].split("\t")
    note = cells[4] if len(cells) > 4 else ""
    following = number
    while following < len(lines) and (lines[following] == "" or lines[following].startswith("\t\t\t\t")):
        if lines[following]:
            note += " " + lines[following].strip("\t")
        following += 1
    return cells[1], cells[2], cells[3], unmarked(note)


def dup_indicators(lines):
    rows = []
    table = read(DEMO / "cremona-dup-2023-2025" / "indicators.csv")
    first_of = set()
    for row in table:
        code = row["indicator_id"]
        target, actual, achievement, note = period_cells(lines, int(row["source_line"]))
        if not note.startswith(row["note"].rstrip("…")):
            raise SystemExit(f"{code} {row['year']}: the note at line {row['source_line']} is not the extracted one")
        waste = code == WASTE
        out = {"Indicatore": indicator_id(code), "Anno": row["year"], "Target": target, "Nota": note, "Raggiungimento": achievement}
        if code not in first_of:
            first_of.add(code)
            out.update({
                "Obiettivi": row["strategic_objective_code"],
                "Titolo": row["indicator_name"],
                "Descrizione": row["formula"],
                "Unità di misura": "%" if waste or re.search(r"[*x]\s*100", row["formula"]) else "",
                "Tipo": "Impatto",
                "Polarità": POLARITY[row["direction"]],
                "Decimali": "2",
                "Fonte dati": "DUP 2023-2025 Comune di Cremona, sezione 1.3.3",
                "Responsabile": row["political_owner_normalized"],
            })
            if waste:
                out.update({"Formula": WASTE_FORMULA, "Variabili": "rd_kg; rsu_kg"})
        if row["actual_status"] not in NOT_MEASURED:
            kilograms = [k.replace(".", "") for k in re.findall(r"\d{1,3}(?:\.\d{3})+", note)] if waste else []
            if len(kilograms) >= 2:
                out["Valori variabili"] = f"rd_kg={kilograms[0]}; rsu_kg={kilograms[1]}"
            else:
                out["Consuntivo"] = actual
        rows.append(out)
    return rows


def deficit_parameters(lines):
    """P1-P8 as printed in the table of section 1.2.2 (values in %, threshold in the description). The table
    prints one "condizione che ricorre SI/NO" per parameter beside its five years, and the text before it says
    that all the parameters are negative: that flag is loaded as the printed flag (Esito stampato) of each year,
    as printed, also where a value contradicts it (P1 2020: 61,41% against "maggiore del 48%", "NO")."""
    rows = []
    for parameter in read(DEMO / "cremona-dup-2023-2025" / "deficit_parameters.csv"):
        cells = lines[int(parameter["source_line"]) - 1].split("\t")
        if cells[0] != parameter["code"]:
            raise SystemExit(f"{parameter['code']}: line {parameter['source_line']} is not its row")
        years = [2017, 2018, 2019, 2020, 2021]
        for index, year in enumerate(years):
            out = {"Indicatore": "dup-deficit-" + parameter["code"].lower(), "Anno": str(year),
                   "Consuntivo": cells[2 + index].rstrip("%").strip(), "Esito stampato": cells[7].strip()}
            if index == 0:
                out.update({
                    "Titolo": f"{parameter['code']} - {cells[1]}",
                    "Unità di misura": "%",
                    "Tipo": "Finanziario",
                    "Polarità": "Decrescente" if parameter["operator"] == ">" else "Crescente",
                    "Decimali": "2",
                    "Confronto soglia": parameter["operator"],
                    "Soglia": parameter["threshold_percent"].replace(".", ","),
                    "Note indicatore": "Parametro obiettivo per l'accertamento della condizione di ente strutturalmente "
                                       f"deficitario; condizione che ricorre (SI/NO) dichiarata nel DUP: {cells[7].strip()}.",
                    "Fonte dati": "DUP 2023-2025 Comune di Cremona, sezione 1.2.2, tabella dei parametri obiettivi",
                })
            rows.append(out)
    return rows


FINANCIAL_UNITS = {"percent": "%", "EUR per resident": "€ per residente"}


def slug(text):
    folded = text.lower().translate(str.maketrans("àèéìòù", "aeeiou"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def financial_indices():
    """The financial indices of section 1.2.1, 2014-2021 as printed. A table the DUP prints twice with the same
    values is loaded once, and its notes say so; printed twice with different values, both are loaded."""
    tables = {}
    for row in read(DEMO / "cremona-dup-2023-2025" / "financial_indicators.csv"):
        tables.setdefault((row["indicator"], row["source_line"]), []).append(row)
    by_name = {}
    for (name, line), rows in tables.items():
        by_name.setdefault(name, []).append((line, rows))
    out = []
    for name, printings in by_name.items():
        series = [sorted((r["year"], r["value"]) for r in rows) for _, rows in printings]
        kept = printings[:1] if all(s == series[0] for s in series) else printings
        for number, (line, rows) in enumerate(kept):
            lines = ", ".join(l for l, _ in printings)
            notes = f"Il DUP stampa questa tabella {len(printings)} volte (righe {lines} del testo) con gli stessi valori." \
                if len(printings) > 1 and len(kept) == 1 else ""
            ident = "dup-indice-" + slug(name) + (f"-{number + 1}" if len(kept) > 1 else "")
            for index, row in enumerate(sorted(rows, key=lambda r: r["year"])):
                entry = {"Indicatore": ident, "Anno": row["year"], "Consuntivo": row["value"].replace(".", ",")}
                if index == 0:
                    entry.update({
                        "Titolo": name, "Descrizione": row["formula"], "Unità di misura": FINANCIAL_UNITS[row["unit"]],
                        "Tipo": "Finanziario", "Decimali": "2", "Note indicatore": notes,
                        "Fonte dati": "DUP 2023-2025 Comune di Cremona, sezione 1.2.1",
                    })
                out.append(entry)
    return out


PACT_UNITS = {"(%)": "%", "(t/anno)": "t/anno", "(litri/giorno)": "litri/giorno", "(% annua)": "% annua"}


def pact_indicators(lines):
    """The 24 indicators of the table 'Il sistema degli indicatori per asse strategico: prima ipotesi', three
    per axis in the order printed; the text gives no targets. The monitoring of the projects is one more
    indicator, linked to every axis, whose notes are the document's method."""
    start = next(i for i, l in enumerate(lines) if "Il sistema degli indicatori per asse strategico" in l)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("Asse") and "Target" in lines[i])
    block = lines[start + 1:end]
    first_indicator = next(i for i, l in enumerate(block) if l.startswith("Aumento delle produzioni biologiche"))
    names, current = [], []
    for line in block[first_indicator:] + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            names.append(joined(current))
            current = []
    if len(names) != 24:
        raise SystemExit(f"the pact's indicator table has {len(names)} indicators, not 24")
    evaluation = paragraph(lines, "La valutazione strategica è finalizzata a:", "Il sistema degli indicatori per asse strategico")
    monitoring = paragraph(lines, "Accanto all'attività di valutazione strategica", None)
    rows = []
    for index, name in enumerate(names):
        axis = index // 3 + 1
        unit = next((u for suffix, u in PACT_UNITS.items() if name.endswith(suffix)), "%" if "%" in name else "")
        rows.append({
            "Indicatore": f"patto-asse-{axis}-i{index % 3 + 1}", "Obiettivi": str(axis), "Titolo": name,
            "Unità di misura": unit, "Tipo": "Impatto",
            "Note indicatore": evaluation + " Il documento non indica i valori target.",
            "Fonte dati": "Patto per lo sviluppo della provincia di Cremona (luglio 2007), parte 4: il sistema degli indicatori per asse strategico",
            "Responsabile": "Unità di monitoraggio e valutazione del Patto",
        })
    rows.append({
        "Indicatore": "patto-monitoraggio-progetti", "Obiettivi": "; ".join(str(a) for a in range(1, 9)),
        "Titolo": "Stato di avanzamento dei progetti del Patto (report annuale al Comitato strategico)",
        "Tipo": "Prodotto", "Note indicatore": monitoring,
        "Fonte dati": "Patto per lo sviluppo della provincia di Cremona (luglio 2007), parte 4: il sistema di monitoraggio",
        "Responsabile": "Unità di monitoraggio e valutazione del Patto",
    })
    return rows


def paragraph(lines, first, stop):
    """The text from the line that starts with `first` up to the line containing `stop` (or the end of the
    section), joined as one paragraph."""
    start = next(i for i, l in enumerate(lines) if l.strip().startswith(first))
    out = []
    for line in lines[start:]:
        if stop and stop in line:
            break
        if not stop and out and line.strip() == "" and out[-1].endswith("fasi future."):
            break
        if line.strip():
            out.append(line.strip())
    return joined(out)


def main():
    dup = DUP_SOURCE.read_text(encoding="utf-8").split("\n")
    write(DEMO / "import" / "dup-2023-2025" / "indicatori.csv", dup_indicators(dup) + deficit_parameters(dup) + financial_indices())
    pact = PACT_SOURCE.read_text(encoding="utf-8").split("\n")
    write(DEMO / "import" / "patto-sviluppo-2007" / "indicatori.csv", pact_indicators(pact))


if __name__ == "__main__":
    main()
