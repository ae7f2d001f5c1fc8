#!/usr/bin/env python3
"""Writes the Finance demo in import format (data/demo/import/bilancio-2023-2025/) from the tables extracted
from the Cremona DUP 2023-2025 (data/demo/cremona-dup-2023-2025/finance.csv, pnrr_projects.csv).

Figures are copied as the document prints them, never corrected: the 2.1.7 balance tables' input rows become
budget lines (deductions printed negative are loaded as amounts, the balance rules apply the sign), the 2.1.4
debt table one row per year, the 2.1.6.1 financing table one investment per row with the start, end, funding
body and sector of the Regis or ICT list row it links to, and the cost that row prints (`Costo elenco Regis`,
`Costo elenco ICT`: 8 differ from the table's). The ten Regis projects the financing table does not
carry are not loaded: they are not in the budget the table totals (TOTALI, DUP line 8589).

Run from the repository root:  python3 data/demo/build/finance_import.py
"""
import csv
import json
import os
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "cremona-dup-2023-2025")
BUDGET_ID = "bilancio-2023-2025"
TARGET = os.path.join(ROOT, "import", BUDGET_ID)

CURRENT = "2.1.7 Equilibrio di parte corrente"
CAPITAL = "2.1.7 Equilibrio di parte capitale"
DEBT = "2.1.4 Andamento residuo debito e debito pro-capite"
COLUMNS = [("Assestato 2022", 2022, "Assestato"), ("Previsione 2023", 2023, "Previsione"),
           ("Previsione 2024", 2024, "Previsione"), ("Previsione 2025", 2025, "Previsione")]

# (table, printed label) -> (line code, kind, titolo, balance item)
INPUT_ROWS = [
    (CURRENT, "TITOLO 1: Entrate correnti tributarie, contributive e perequative", "entrate-t1", "entrata", 1, ""),
    (CURRENT, "TITOLO 2: Trasferimenti correnti", "entrate-t2", "entrata", 2, ""),
    (CURRENT, "TITOLO 3: Entrate extra-tributarie", "entrate-t3", "entrata", 3, ""),
    (CURRENT, "Fondo pluriennale vincolato per spese correnti", "fpv-corrente", "equilibrio", None, "fpv-corrente"),
    (CURRENT, "Entrate di parte capitale destinate a spese correnti", "capitale-a-corrente", "equilibrio", None, "capitale-a-corrente"),
    (CURRENT, "Avanzo di amministrazione", "avanzo-corrente", "equilibrio", None, "avanzo-corrente"),
    (CURRENT, "Entrate di parte corrente destinate a spese di investimento", "corrente-a-capitale", "equilibrio", None, "corrente-a-capitale"),
    (CURRENT, "TITOLO 1: Spese correnti", "spese-t1", "spesa", 1, ""),
    (CURRENT, "TITOLO 4: Rimborso di prestiti", "spese-t4", "spesa", 4, ""),
    (CAPITAL, "TITOLO 4: Entrate in conto capitale", "entrate-t4", "entrata", 4, ""),
    (CAPITAL, "TITOLO 5: Entrate da riduzione di attività finanziarie", "entrate-t5", "entrata", 5, ""),
    (CAPITAL, "TITOLO 6: Accensione di prestiti", "entrate-t6", "entrata", 6, ""),
    (CAPITAL, "Fondo pluriennale vincolato per spese in conto capitale", "fpv-capitale", "equilibrio", None, "fpv-capitale"),
    (CAPITAL, "Avanzo di amministrazione", "avanzo-capitale", "equilibrio", None, "avanzo-capitale"),
    (CAPITAL, "Altre entrate per riduzione di attività finanziaria", "riduzione-attivita-finanziarie", "equilibrio", None, "riduzione-attivita-finanziarie"),
    (CAPITAL, "TITOLO 2: Spese in conto capitale", "spese-t2", "spesa", 2, ""),
    (CAPITAL, "TITOLO 3: Spese per incremento di attività finanziarie", "spese-t3", "spesa", 3, ""),
]

DEBT_COLUMNS = [("Residuo debito", "Residuo debito (+)"), ("Nuovi prestiti", "Nuovi prestiti (+)"),
                ("Prestiti rimborsati", "Prestiti rimborsati (-)"), ("Estinzioni anticipate", "Estinzioni anticipate (-)"),
                ("Altre variazioni", "Altre variazioni +/-"), ("Totale fine anno", "Totale fine anno")]


def italian(text):
    """A plain decimal (-1234.5) in Italian form with two places (-1.234,50); empty stays empty."""
    if text == "":
        return ""
    value = Decimal(text)
    sign = "-" if value < 0 else ""
    whole, places = f"{abs(value):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}{'.'.join(groups)},{places}"


def read(name):
    with open(os.path.join(SOURCE, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(TARGET, name), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter=";", lineterminator="\r\n")
        out.writerow(header)
        out.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def budget():
    request = {
        "budgetId": BUDGET_ID,
        "budget": {
            "title": "Bilancio di previsione 2023-2025 - Comune di Cremona",
            "firstYear": 2023,
            "lastYear": 2025,
            "stages": [{"year": year, "stage": stage.upper()} for _, year, stage in COLUMNS],
        },
    }
    with open(os.path.join(TARGET, "bilancio.json"), "w", encoding="utf-8") as f:
        json.dump(request, f, ensure_ascii=False, indent=2)
        f.write("\n")


def lines(finance):
    cells = {(r["table_name"], r["row_label"], r["column_label"]): r["value"] for r in finance}
    rows = []
    for table, label, code, kind, titolo, item in INPUT_ROWS:
        for column, year, stage in COLUMNS:
            value = cells[(table, label, column)]
            rows.append([code, kind, titolo or "", item, label, year, stage, italian(value.lstrip("-"))])
    write("righe-di-bilancio.csv", ["Codice riga", "Tipo", "Titolo", "Voce di equilibrio", "Descrizione", "Anno", "Fase", "Stanziamento"], rows)


def debt(finance):
    cells = {(r["row_label"], r["column_label"]): r["value"] for r in finance if r["table_name"] == DEBT}
    years = sorted({int(column) for _, column in cells})
    rows = [[year] + [italian(cells[(label, str(year))]) for _, label in DEBT_COLUMNS] + [cells[("Nr. Abitanti al 31/12", str(year))]]
            for year in years]
    write("indebitamento.csv", ["Anno"] + [header for header, _ in DEBT_COLUMNS] + ["Abitanti"], rows)


# The lists beside the financing table; the cost each prints for a project is kept on the investment it links to.
LISTS = {"Regis": "regis_list_2_1_6_1", "ICT": "ict_list_2_1_6_1"}


def investments(projects):
    years = [2022, 2023, 2024]
    header = ["Codice", "CUP", "Titolo", "Missione PNRR", "Componente", "Investimento", "Costo totale", "Inizio", "Fine",
              "Ente finanziatore", "Settore", "Stato"]
    header += [f"{family} {year}" for year in years for family in ("Contributo PNRR", "Cofinanziamento")]
    listed = {}
    for row in projects:
        if row["source_table"] != "financing_table_2_1_6_1":
            listed.setdefault("line " + row["source_line"], row)
    rows = []
    for row in projects:
        if row["source_table"] != "financing_table_2_1_6_1":
            continue
        link = listed.get(row["linked_list_row"], {})
        amounts = []
        for year in years:
            amounts += [italian(row[f"contrib_{year}"]), italian(row[f"cofin_comune_{year}"])]
        listed_costs = [italian(link["amount_total_eur"]) if link and link["source_table"] == table else "" for table in LISTS.values()]
        rows.append(["pnrr-" + row["source_line"], row["cup"], row["title"], row["mission"], row["component"], row["investment"],
                     italian(row["amount_total_eur"]), link.get("start", ""), link.get("end", ""), link.get("funding_body", ""),
                     link.get("sector", ""), "IN_BUDGET"] + amounts + listed_costs)
    write("investimenti-pnrr.csv", header + [f"Costo elenco {name}" for name in LISTS], rows)


def main():
    os.makedirs(TARGET, exist_ok=True)
    finance = read("finance.csv")
    budget()
    lines(finance)
    debt(finance)
    investments(read("pnrr_projects.csv"))


if __name__ == "__main__":
    main()
