import { describe, expect, it } from 'vitest';
import { CsvError, csvRow, parseCsv, toCsv, unguardCsvValue } from './csv';

describe('CSV', () => {
  it('quotes what needs quoting and reads it back', () => {
    const row = csvRow(['Launch, part 2', 'He said "go"', 'two\nlines', 3, null, ' padded ']);
    expect(row).toBe('"Launch, part 2","He said ""go""","two\nlines",3,," padded "\r\n');
    expect(parseCsv(`a,b,c,d,e,f\r\n${row}`)[1]!.values).toEqual([
      'Launch, part 2',
      'He said "go"',
      'two\nlines',
      '3',
      '',
      ' padded ',
    ]);
  });

  it('guards formulas on the way out and lifts the guard on the way in', () => {
    expect(csvRow(['=HYPERLINK("x")', '-3 days', '@me'])).toBe('"\'=HYPERLINK(""x"")",\'-3 days,\'@me\r\n');
    expect(unguardCsvValue("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardCsvValue("'tis the season")).toBe("'tis the season");
  });

  it('guards a value starting with a tab or a carriage return, which spreadsheets also read as a formula', () => {
    expect(csvRow(['\t=1+1', '\r=cmd'])).toBe('\'\t=1+1,"\'\r=cmd"\r\n');
    expect(parseCsv(`a,b\r\n${csvRow(['\t=1+1', '\r=cmd'])}`)[1]!.values.map(unguardCsvValue)).toEqual([
      '\t=1+1',
      '\r=cmd',
    ]);
    // Numbers are never guarded: a negative figure stays a number.
    expect(csvRow([-3, 'x'])).toBe('-3,x\r\n');
  });

  it('writes a whole file, header first, each row ended by CRLF', () => {
    expect(
      toCsv(
        ['Card', 'Days'],
        [
          ['Launch', 3],
          ['=bad', null],
        ],
      ),
    ).toBe("Card,Days\r\nLaunch,3\r\n'=bad,\r\n");
  });

  it('drops a byte-order mark and empty rows, and keeps line numbers', () => {
    const records = parseCsv('\uFEFFtitle,column\n\nFirst,To do\n,\n"Multi\nline",Done\nLast,Done');
    expect(records.map((r) => [r.line, r.values[0]])).toEqual([
      [1, 'title'],
      [3, 'First'],
      [5, 'Multi\nline'],
      [7, 'Last'],
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('title\nok\n"never closed\nmore')).toThrow(
      new CsvError('Line 3: a quoted value is never closed', 3),
    );
    expect(parseCsv('title\nhalf"quote')[1]!.values).toEqual(['half"quote']);
  });

  it('splits by the delimiter it is given, keeping it inside quoted values, across CRLF lines', () => {
    const records = parseCsv('Titel;Schätzung\r\n"Plan; Q1";2,5\r\nWeb;3\r\n', ';');
    expect(records.map((r) => [r.line, r.values])).toEqual([
      [1, ['Titel', 'Schätzung']],
      [2, ['Plan; Q1', '2,5']],
      [3, ['Web', '3']],
    ]);
    expect(parseCsv('a\tb\nc\td', '\t')[1]!.values).toEqual(['c', 'd']);
  });
});
