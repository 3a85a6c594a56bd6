import { parseCsv, CsvSyntaxError } from '../../backend/catalog/import/csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping each record’s first line', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n2,"multi\nline",z\n\n3,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, y', 'say "hi"'] },
      { line: 3, fields: ['2', 'multi\nline', 'z'] },
      { line: 6, fields: ['3', '', ''] },
    ]);
  });

  it('strips a UTF-8 BOM and reads a last line without a newline', () => {
    expect(parseCsv('\ufeffname\n瑞金医院')).toEqual([
      { line: 1, fields: ['name'] },
      { line: 2, fields: ['瑞金医院'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a\n1\n"never closed\nmore')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\n1\n"never closed\nmore');
    } catch (err) {
      expect((err as CsvSyntaxError).line).toBe(3);
    }
  });
});
