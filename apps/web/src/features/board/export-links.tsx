import { boardExportUrl } from './api';

/** Downloads of the whole board: CSV or an Excel workbook for spreadsheets, JSON to import elsewhere or again. */
export function ExportLinks({ boardId }: { boardId: string }) {
  return (
    <>
      <a className="button-link" href={boardExportUrl(boardId, 'csv')} download>
        Export CSV
      </a>
      <a className="button-link" href={boardExportUrl(boardId, 'xlsx')} download>
        Export Excel
      </a>
      <a className="button-link" href={boardExportUrl(boardId, 'json')} download>
        Export JSON
      </a>
    </>
  );
}
