import { parseNodeCombinePlan } from './node-combine-plan';

/** Attachment G's own example, as the document prints it. */
const EXAMPLE = [
  'CABLEVISION~NORWALK1~NORWALK1~RDC1.NORWALK1.HOME.COM~XXX-NORWALK1',
  'NORWALK1~NORWALK1-1~NODE-1~NORWALK1-A',
  'NORWALK1~NORWALK1-1~NODE-2~NORWALK1-A',
  'NORWALK1~NORWALK2-1~NODE-1~NORWALK1-A',
  'NORWALK1~NORWALK2-1~NODE-2~NORWALK2-A',
  '',
].join('\n');

describe('parseNodeCombinePlan', () => {
  it("reads the document's example: the operator of line 1 spelled in two fields, four nodes in two laser groups", () => {
    expect(parseNodeCombinePlan(EXAMPLE)).toEqual({
      plan: {
        cableOperator: 'CABLEVISION NORWALK1',
        headEnd: 'NORWALK1',
        rdc: 'RDC1.NORWALK1.HOME.COM',
        warehouse: 'XXX-NORWALK1',
        nodes: [
          { line: 2, laserGroup: 'NORWALK1-1', node: 'NODE-1', ipPool: 'NORWALK1-A' },
          { line: 3, laserGroup: 'NORWALK1-1', node: 'NODE-2', ipPool: 'NORWALK1-A' },
          { line: 4, laserGroup: 'NORWALK2-1', node: 'NODE-1', ipPool: 'NORWALK1-A' },
          { line: 5, laserGroup: 'NORWALK2-1', node: 'NODE-2', ipPool: 'NORWALK2-A' },
        ],
      },
    });
  });

  it('reads line 1 as its format line writes it (four fields), CRLF line ends and any case', () => {
    const parsed = parseNodeCombinePlan('Cablevision~norwalk1~rdc1~wh\r\nNorwalk1~lg~node-9~pool\r\n');
    expect(parsed).toEqual({ plan: { cableOperator: 'CABLEVISION', headEnd: 'NORWALK1', rdc: 'RDC1', warehouse: 'WH', nodes: [{ line: 2, laserGroup: 'LG', node: 'NODE-9', ipPool: 'POOL' }] } });
  });

  it('reports every bad line by number', () => {
    const text = ['OP~HE~RDC~WH', 'HE~LG~N1~P', 'HE~LG~~P', 'HE~LG~N2', 'OTHER~LG~N3~P', 'he~lg~n1~p', 'HE~LG~N|4~P', 'HE~LG~NODE-NAME-LONGER-THAN-32-CHARACTERS~P', 'HE~LG~N\u00e9~P', '', 'HE~LG~N5~P'].join('\n');
    expect(parseNodeCombinePlan(text)).toEqual({
      errors: [
        { field: 'line 3', message: 'NODE is empty' },
        { field: 'line 4', message: 'expected <HEAD_END>~<LASER_GROUP>~<NODE>~<IP_POOL>, found 3 fields' },
        { field: 'line 5', message: "HEAD_END OTHER is not the file's head end HE (one file per head end)" },
        { field: 'line 6', message: 'node n1 of laser group lg is already on line 2' },
        { field: 'line 7', message: 'NODE has a pipe, which no transaction can carry' },
        { field: 'line 8', message: 'NODE is longer than 32 characters' },
        { field: 'line 9', message: 'NODE has a character outside printable ASCII' },
        { field: 'line 10', message: 'expected <HEAD_END>~<LASER_GROUP>~<NODE>~<IP_POOL>, found 1 fields' },
      ],
    });
  });

  it('refuses a head end line of another shape, and a file without node lines', () => {
    expect(parseNodeCombinePlan('OP~HE~RDC\nHE~LG~N~P')).toEqual({ errors: [{ field: 'line 1', message: 'expected <CABLE_OPERATOR>~<HEAD_END>~<RDC>~<WAREHOUSE>, found 3 fields' }] });
    expect(parseNodeCombinePlan('OP~ HE~RDC~WH\nHE~LG~N~P')).toEqual({ errors: [{ field: 'line 1', message: 'HEAD_END has leading or trailing spaces' }] });
    expect(parseNodeCombinePlan('OP~HE~RDC~WH\n')).toEqual({ errors: [{ field: 'line 1', message: 'a plan is a head end line followed by at least one node line' }] });
    expect(parseNodeCombinePlan('')).toEqual({ errors: [{ field: 'line 1', message: 'a plan is a head end line followed by at least one node line' }] });
  });
});
