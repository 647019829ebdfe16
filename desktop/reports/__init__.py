"""Report rendering: PDF (reportlab) and XLSX (openpyxl) writers that take plain data.

Qt-free, so the command line renders reports without a screen. The data comes from
``db.reporting.report_data``; the Chinese wording from ``desktop.reports.zh``.

- ``incident.write_incident_report(data, target)``: 投诉事件报告, one case.
- ``ledger.write_ledger_xlsx(rows, target)``: 投诉台账, one row per case.
- ``verify.verify_pdf(path)``: does a report still match the database?
"""
