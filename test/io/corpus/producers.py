"""The bundled example (its JSON twin) written by openpyxl or XlsxWriter, one feature per file, the way
offices' scripts and pandas exports produce them. Run with Debian's python3 (python3-openpyxl,
python3-xlsxwriter, python3-pil):

    /usr/bin/python3 producers.py openpyxl|xlsxwriter FIXTURE.json OUTDIR

Writes OUTDIR/<producer>-<feature>.xlsx and prints their names, one a line.
"""
import base64
import io
import json
import os
import sys

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def rows_of(fixture, name):
    return fixture["sheets"][name]


def code_row(fixture, code):
    """1-based row of an indicator code in Indicatori."""
    for i, row in enumerate(rows_of(fixture, "Indicatori")):
        if row and row[0] == code:
            return i + 1
    raise KeyError(code)


def last_cell(fixture, name):
    rows = rows_of(fixture, name)
    width = max(len(r) for r in rows)
    return width, len(rows)


def col_letter(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def openpyxl_book(fixture, feature, path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.drawing.image import Image
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in fixture["sheets"].items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    ws.cell(row=r, column=c, value=value)
        if name != "Leggimi":
            for cell in ws[1]:
                cell.font = Font(bold=True)
    ind = wb["Indicatori"]
    width, height = last_cell(fixture, "Indicatori")
    ref = "A1:%s%d" % (col_letter(width), height)
    if feature == "chart":
        chart = BarChart()
        chart.add_data(Reference(ind, min_col=10, min_row=1, max_row=9), titles_from_data=True)
        chart.set_categories(Reference(ind, min_col=1, min_row=2, max_row=9))
        ind.add_chart(chart, "R3")
    elif feature == "image":
        ind.add_image(Image(io.BytesIO(PNG)), "R3")
    elif feature == "note":
        note = Comment("Dato provvisorio, fonte SIPER", "Anna Bianchi", width=240, height=90)
        ind["J3"].comment = note
        ind["C2"].comment = Comment("Obiettivo da confermare", "Mario Rossi")
    elif feature == "table":
        table = Table(displayName="Indicatori2024", ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
        ind.add_table(table)
    elif feature == "names":
        wb.defined_names.append(DefinedName("Codici", attr_text="Indicatori!$A$2:$A$%d" % height))
        wb.defined_names.append(DefinedName("Soglia_minima", attr_text="0.6"))
        wb.defined_names.append(DefinedName("Area", localSheetId=0, attr_text="Obiettivi!$A$1:$F$19"))
        wb.defined_names.append(DefinedName("Area", localSheetId=1, attr_text="Indicatori!$A$1:$%s$%d" % (col_letter(width), height)))
        wb.defined_names.append(DefinedName("Nascosto", hidden=True, attr_text="Impostazioni!$B$2"))
    elif feature == "validation":
        dv = DataValidation(type="list", formula1='"si,no"', allow_blank=True)
        ind.add_data_validation(dv)
        dv.add("N2:N%d" % height)
    elif feature == "conditional":
        style = DifferentialStyle(font=Font(color="9C0006"), fill=PatternFill(bgColor="FFC7CE"))
        rule = Rule(type="containsText", operator="containsText", text="gg", dxf=style)
        rule.formula = ['NOT(ISERROR(SEARCH("gg",J2)))']
        ind.conditional_formatting.add("J2:J%d" % height, rule)
    elif feature == "frozen":
        ind.freeze_panes = "C3"
        ind.sheet_view.zoomScale = 85
    elif feature != "plain":
        raise ValueError(feature)
    wb.save(path)


def xlsxwriter_book(fixture, feature, path, tmp):
    import xlsxwriter

    wb = xlsxwriter.Workbook(path)
    bold = wb.add_format({"bold": True})
    sheets = {}
    for name, rows in fixture["sheets"].items():
        ws = wb.add_worksheet(name)
        sheets[name] = ws
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                fmt = bold if r == 0 and name != "Leggimi" else None
                if isinstance(value, str):
                    ws.write_string(r, c, value, fmt)
                else:
                    ws.write_number(r, c, value, fmt)
    ind = sheets["Indicatori"]
    width, height = last_cell(fixture, "Indicatori")
    if feature == "chart":
        chart = wb.add_chart({"type": "column"})
        chart.add_series({"categories": ["Indicatori", 1, 0, 8, 0], "values": ["Indicatori", 1, 9, 8, 9]})
        ind.insert_chart("R3", chart)
    elif feature == "image":
        png = os.path.join(tmp, "logo.png")
        with open(png, "wb") as f:
            f.write(PNG)
        ind.insert_image("R3", png)
    elif feature == "note":
        ind.write_comment("J3", "Dato provvisorio, fonte SIPER", {"author": "Anna Bianchi", "x_scale": 2, "y_scale": 1.5})
        ind.write_comment("C2", "Obiettivo da confermare", {"author": "Mario Rossi"})
    elif feature == "table":
        headers = rows_of(fixture, "Indicatori")[0]
        ind.add_table(0, 0, height - 1, width - 1, {"name": "Indicatori2024", "columns": [{"header": h} for h in headers]})
    elif feature == "validation":
        ind.data_validation(1, 13, height - 1, 13, {"validate": "list", "source": ["si", "no"]})
    elif feature == "conditional":
        red = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        ind.conditional_format(1, 9, height - 1, 9, {"type": "text", "criteria": "containing", "value": "gg", "format": red})
    elif feature == "names":
        wb.define_name("Codici", "=Indicatori!$A$2:$A$%d" % height)
        wb.define_name("Soglia_minima", "=0.6")
        wb.define_name("Obiettivi!Area", "=Obiettivi!$A$1:$F$19")
        wb.define_name("Indicatori!Area", "=Indicatori!$A$1:$O$%d" % height)
    elif feature == "cached-zero":
        # XlsxWriter stores a formula with the result it is given: the actual of 8.1 is 0, cached.
        ind.write_formula(code_row(fixture, "8.1") - 1, 9, "=Impostazioni!B2-2024", None, 0)
    elif feature != "plain":
        raise ValueError(feature)
    wb.close()


FEATURES = {
    "openpyxl": ["plain", "chart", "image", "note", "table", "names", "validation", "conditional", "frozen"],
    "xlsxwriter": ["plain", "chart", "image", "note", "table", "validation", "conditional", "names", "cached-zero"],
}


def main():
    producer, fixture_path, out = sys.argv[1:4]
    with open(fixture_path, encoding="utf-8") as f:
        fixture = json.load(f)
    for feature in FEATURES[producer]:
        path = os.path.join(out, "%s-%s.xlsx" % (producer, feature))
        if producer == "openpyxl":
            openpyxl_book(fixture, feature, path)
        else:
            xlsxwriter_book(fixture, feature, path, out)
        print(path)


if __name__ == "__main__":
    main()
