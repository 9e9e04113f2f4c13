/**
 * One feature each, added to the Excel-layout example the way Excel writes it. Each variant says which
 * sheet it touches so the tests can check that feature's elements survive scoring, and what scores it
 * should give (the same as the plain example, unless the feature is about reading).
 */
import { STYLE, esc, setCell, sheet, type SheetModel, type WorkbookModel } from './excel.js';
import { columnLetter } from '../../../src/core/index.js';

/** The first column right of a sheet's header row: where a user's own extra column goes. */
function nextColumn(ws: SheetModel): string {
  let last = -1;
  for (const c of ws.rows.get(0)?.keys() ?? []) if (c > last) last = c;
  return columnLetter(last + 1);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A 1x1 PNG: enough for a picture part Excel accepts. */
export const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));

export interface Variant {
  id: string;
  /** What the issue says about it, for the test's name. */
  about: string;
  apply(model: WorkbookModel): void;
  /** File extension of input and output. */
  ext?: 'xlsm';
  /**
   * How the JSON must compare with the plain example's: 'same' (entity, objectives, indicators and issues),
   * 'scores' (entity, objectives, indicators; the issues' cells move), or 'own' (the test checks it).
   */
  expect?: 'same' | 'scores' | 'own';
}

const rowOf = (s: SheetModel, code: string): number => {
  for (const [r, row] of s.rows) if (row.get(0)?.value === code) return r;
  throw new Error(`no row ${code}`);
};

const addRel = (s: { rels: { id: string; type: string; target: string; external?: boolean }[] }, type: string, target: string, external = false) => {
  const id = `rId${s.rels.length + 1}`;
  s.rels.push({ id, type, target, external });
  return id;
};

const chartXml = (catRef: string, valRef: string) =>
  `${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
  `<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${catRef}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${valRef}</c:f></c:numRef></c:val></c:ser>` +
  `<c:gapWidth val="219"/><c:axId val="101"/><c:axId val="102"/></c:barChart>` +
  `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="102"/></c:catAx>` +
  `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="101"/></c:valAx></c:plotArea>` +
  `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;

const drawingXml = (chartRid: string, absolute: boolean) =>
  `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  (absolute ? '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8670000" cy="6300000"/>' : '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>23</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>') +
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
  `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
  `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${chartRid}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
  `<xdr:clientData/>${absolute ? '</xdr:absoluteAnchor>' : '</xdr:twoCellAnchor>'}</xdr:wsDr>`;

function addChartParts(model: WorkbookModel, n: number, absolute: boolean): void {
  model.parts.set(`xl/charts/chart${n}.xml`, chartXml('Indicatori!$A$2:$A$9', 'Indicatori!$J$2:$J$9'));
  model.parts.set(`xl/drawings/drawing${n}.xml`, drawingXml('rId1', absolute));
  model.parts.set(`xl/drawings/_rels/drawing${n}.xml.rels`, `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${n}.xml"/></Relationships>`);
  model.overrides.set(`/xl/charts/chart${n}.xml`, `${CT}.drawingml.chart+xml`);
  model.overrides.set(`/xl/drawings/drawing${n}.xml`, `${CT}.drawing+xml`);
}

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
  '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>';

function noteShape(id: number, row: number, col: number, anchor: string): string {
  return (
    `<v:shape id="_x0000_s${1024 + id}" type="#_x0000_t202" style='position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style=\'mso-direction-alt:auto\'><div style=\'text-align:left\'></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Legacy notes on Indicatori (authors, sizes in the VML anchors), optionally as the mirror of threaded comments. */
function addNotes(model: WorkbookModel, threaded: boolean): void {
  const ind = sheet(model, 'Indicatori');
  const authors = threaded ? ['tc={3F1E1A2B-7C4D-4E5F-8A9B-0C1D2E3F4A5B}'] : ['Mario Rossi', 'Anna Bianchi'];
  const notes = [
    { ref: 'C2', row: 1, col: 2, author: 0, text: threaded ? '[Threaded comment]\nVerificare con il PID' : 'Mario Rossi:\nObiettivo da confermare', anchor: '3, 15, 0, 2, 6, 31, 4, 10' },
    { ref: 'J3', row: 2, col: 9, author: threaded ? 0 : 1, text: threaded ? '[Threaded comment]\nDato provvisorio' : 'Anna Bianchi:\nDato provvisorio, fonte SIPER', anchor: '10, 15, 1, 2, 14, 40, 9, 3' },
  ];
  model.parts.set(
    'xl/comments1.xml',
    `${XML_HEAD}<comments xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
      `<authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>` +
      notes
        .map(
          (n, i) =>
            `<comment ref="${n.ref}" authorId="${n.author}" shapeId="0" xr:uid="{0000000${i}-0006-0000-0100-00000${i}000000}"><text>` +
            (threaded ? `<t>${esc(n.text)}</t>` : `<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>${esc(n.text.split('\n')[0])}</t></r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">\n${esc(n.text.split('\n')[1])}</t></r>`) +
            `</text></comment>`,
        )
        .join('') +
      `</commentList></comments>`,
  );
  model.parts.set('xl/drawings/vmlDrawing1.vml', VML_HEAD + NOTE_SHAPETYPE + notes.map((n, i) => noteShape(i + 1, n.row, n.col, n.anchor)).join('') + '</xml>');
  model.defaults.set('vml', `${CT}.vmlDrawing`);
  model.overrides.set('/xl/comments1.xml', `${CT}.spreadsheetml.comments+xml`);
  addRel(ind, `${REL}/comments`, '../comments1.xml');
  ind.slots.legacyDrawing = `<legacyDrawing r:id="${addRel(ind, `${REL}/vmlDrawing`, '../drawings/vmlDrawing1.vml')}"/>`;
  if (threaded) {
    const person = '{3F1E1A2B-7C4D-4E5F-8A9B-0C1D2E3F4A5B}';
    model.parts.set(
      'xl/threadedComments/threadedComment1.xml',
      `${XML_HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}">` +
        `<threadedComment ref="C2" dT="2025-02-10T09:12:00.00" personId="${person}" id="{00000000-0006-0000-0100-000000000000}"><text>Verificare con il PID</text></threadedComment>` +
        `<threadedComment ref="C2" dT="2025-02-11T10:00:00.00" personId="${person}" id="{9A8B7C6D-0006-0000-0100-000000000001}" parentId="{00000000-0006-0000-0100-000000000000}"><text>Confermato</text></threadedComment>` +
        `<threadedComment ref="J3" dT="2025-02-12T11:30:00.00" personId="${person}" id="{00000001-0006-0000-0100-000001000000}"><text>Dato provvisorio</text></threadedComment></ThreadedComments>`,
    );
    model.parts.set(
      'xl/persons/person.xml',
      `${XML_HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS_MAIN}"><person displayName="Giulia Verdi" id="${person}" userId="giulia.verdi@example.it" providerId="None"/></personList>`,
    );
    model.overrides.set('/xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
    model.overrides.set('/xl/persons/person.xml', 'application/vnd.ms-excel.person+xml');
    addRel(ind, 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml');
    model.workbookRels.push({ id: 'rId90', type: 'http://schemas.microsoft.com/office/2017/10/relationships/person', target: 'persons/person.xml' });
  }
}

const SHA_HASH = 'k0w1jDzJ6U8T5ylk+p6fHyv/ZRu9cYTkLgyi5XfE07v0uV1W3sa0L3X2NwfjM5gcYTSKd1VufYhRQ0E0yZ+FbA==';
const SHA_SALT = 'l3z6KpWm0H2w7d8Z9qj1dw==';

export const VARIANTS: Variant[] = [
  { id: 'plain', about: 'the example in Excel layout', apply: () => {} },
  {
    id: 'chart-sheet',
    about: 'a chart sheet',
    apply(model) {
      addChartParts(model, 1, true);
      model.sheets.push({
        name: 'Grafico',
        kind: 'chartsheet',
        xml: `${XML_HEAD}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView zoomScale="96" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
        rows: new Map(), rowAttrs: new Map(), sheetView: '', cols: '', slots: {},
        rels: [{ id: 'rId1', type: `${REL}/drawing`, target: '../drawings/drawing1.xml' }],
      });
    },
  },
  {
    id: 'chart-on-indicatori',
    about: 'a chart on Indicatori',
    apply(model) {
      addChartParts(model, 1, false);
      const ind = sheet(model, 'Indicatori');
      ind.slots.drawing = `<drawing r:id="${addRel(ind, `${REL}/drawing`, '../drawings/drawing1.xml')}"/>`;
    },
  },
  {
    id: 'header-image',
    about: 'a header image on Indicatori',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      model.parts.set('xl/media/image1.png', PNG);
      model.parts.set(
        'xl/drawings/vmlDrawing1.vml',
        VML_HEAD +
          '<v:shapetype id="_x0000_t75" coordsize="21600,21600" o:spt="75" o:preferrelative="t" path="m@4@5l@4@11@9@11@9@5xe" filled="f" stroked="f"><v:stroke joinstyle="miter"/><v:path o:extrusionok="f" gradientshapeok="t" o:connecttype="rect"/><o:lock v:ext="edit" aspectratio="t"/></v:shapetype>' +
          '<v:shape id="LH" o:spid="_x0000_s1025" type="#_x0000_t75" style=\'position:absolute;margin-left:0;margin-top:0;width:96pt;height:24pt;z-index:1\'><v:imagedata o:relid="rId1" o:title="logo"/><o:lock v:ext="edit" rotation="t"/></v:shape></xml>',
      );
      model.parts.set('xl/drawings/_rels/vmlDrawing1.vml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`);
      model.defaults.set('png', 'image/png');
      model.defaults.set('vml', `${CT}.vmlDrawing`);
      ind.slots.headerFooter = '<headerFooter><oddHeader>&amp;L&amp;G&amp;CPIRA 2024&amp;RPagina &amp;P di &amp;N</oddHeader></headerFooter>';
      ind.slots.legacyDrawingHF = `<legacyDrawingHF r:id="${addRel(ind, `${REL}/vmlDrawing`, '../drawings/vmlDrawing1.vml')}"/>`;
    },
  },
  {
    id: 'pivot',
    about: 'a pivot table and its cache',
    apply(model) {
      const keys = ['anno', 'metodo', 'fasce', 'tolleranza', 'tetto', 'aggregazione ente', 'scala valutazione'];
      model.parts.set(
        'xl/pivotCache/pivotCacheDefinition1.xml',
        `${XML_HEAD}<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${REL}" r:id="rId1" refreshedBy="Ufficio" refreshedDate="45700.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="7">` +
          `<cacheSource type="worksheet"><worksheetSource ref="A1:B8" sheet="Impostazioni"/></cacheSource><cacheFields count="2">` +
          `<cacheField name="Chiave" numFmtId="0"><sharedItems count="7">${keys.map((k) => `<s v="${k}"/>`).join('')}</sharedItems></cacheField>` +
          `<cacheField name="Valore" numFmtId="0"><sharedItems containsMixedTypes="1" containsNumber="1" containsInteger="1" minValue="2024" maxValue="2024"/></cacheField>` +
          `</cacheFields></pivotCacheDefinition>`,
      );
      const values = ['n:2024', 's:proporzionale', 's:99%:100%; 80%:80%; 0%:0%', 's:0%', 's:100%', 's:media semplice', 's:90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente'];
      model.parts.set(
        'xl/pivotCache/pivotCacheRecords1.xml',
        `${XML_HEAD}<pivotCacheRecords xmlns="${NS_MAIN}" xmlns:r="${REL}" count="7">` +
          values.map((v, i) => `<r><x v="${i}"/><${v[0]} v="${esc(v.slice(2))}"/></r>`).join('') +
          `</pivotCacheRecords>`,
      );
      model.parts.set('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`);
      model.parts.set(
        'xl/pivotTables/pivotTable1.xml',
        `${XML_HEAD}<pivotTableDefinition xmlns="${NS_MAIN}" name="TabellaPivot1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Valori" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
          `<location ref="A3:B11" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="8">${keys.map((_, i) => `<item x="${i}"/>`).join('')}<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
          `<rowFields count="1"><field x="0"/></rowFields><rowItems count="8">${keys.map((_, i) => (i === 0 ? '<i><x/></i>' : `<i><x v="${i}"/></i>`)).join('')}<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
          `<dataFields count="1"><dataField name="Conteggio di Valore" fld="1" subtotal="count" baseField="0" baseItem="0"/></dataFields>` +
          `<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
      );
      model.parts.set('xl/pivotTables/_rels/pivotTable1.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`);
      model.overrides.set('/xl/pivotCache/pivotCacheDefinition1.xml', `${CT}.spreadsheetml.pivotCacheDefinition+xml`);
      model.overrides.set('/xl/pivotCache/pivotCacheRecords1.xml', `${CT}.spreadsheetml.pivotCacheRecords+xml`);
      model.overrides.set('/xl/pivotTables/pivotTable1.xml', `${CT}.spreadsheetml.pivotTable+xml`);
      model.workbookRels.push({ id: 'rId91', type: `${REL}/pivotCacheDefinition`, target: 'pivotCache/pivotCacheDefinition1.xml' });
      model.workbookExtra.pivotCaches = '<pivotCaches><pivotCache cacheId="1" r:id="rId91"/></pivotCaches>';
      const pivot: SheetModel = {
        name: 'Pivot', kind: 'worksheet', rows: new Map(), rowAttrs: new Map(), cols: '',
        sheetView: '<sheetView workbookViewId="0"/>', slots: { pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' },
        rels: [{ id: 'rId1', type: `${REL}/pivotTable`, target: '../pivotTables/pivotTable1.xml' }],
      };
      setCell(pivot, 'A3', { value: 'Etichette di riga' });
      setCell(pivot, 'B3', { value: 'Conteggio di Valore' });
      keys.forEach((k, i) => {
        setCell(pivot, `A${4 + i}`, { value: k });
        setCell(pivot, `B${4 + i}`, { value: 1 });
      });
      setCell(pivot, 'A11', { value: 'Totale complessivo' });
      setCell(pivot, 'B11', { value: 7 });
      model.sheets.push(pivot);
    },
  },
  { id: 'threaded-comments', about: 'threaded comments on Indicatori', apply: (model) => addNotes(model, true) },
  { id: 'notes', about: 'notes with authors and sizes on Indicatori', apply: (model) => addNotes(model, false) },
  {
    id: 'sparklines-databars',
    about: 'sparklines and 2010 data bars (extLst) on Indicatori',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      // The sparklines sit in a column of their own, with a header: that column is the user's.
      const P = nextColumn(ind);
      setCell(ind, `${P}1`, { value: 'Andamento', style: STYLE.header });
      const id = '{6A2F3C1D-1B2C-4D3E-8F9A-0B1C2D3E4F50}';
      ind.slots.conditionalFormatting = `<conditionalFormatting sqref="J2:J59"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
      const sparklines = Array.from({ length: 58 }, (_, i) => `<x14:sparkline><xm:f>Indicatori!F${i + 2}:I${i + 2}</xm:f><xm:sqref>${P}${i + 2}</xm:sqref></x14:sparkline>`).join('');
      ind.slots.extLst =
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>' +
        `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>J2:J59</xm:sqref></x14:conditionalFormatting>` +
        '</x14:conditionalFormattings></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
        '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/><x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/><x14:colorHigh theme="4"/><x14:colorLow theme="4"/>' +
        `<x14:sparklines>${sparklines}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
    },
  },
  {
    id: 'xlsm',
    about: 'a macro-enabled workbook with its VBA project',
    ext: 'xlsm',
    apply(model) {
      model.mainContentType = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
      model.workbookPr = '<workbookPr codeName="QuestaCartellaDiLavoro" defaultThemeVersion="166925"/>';
      model.sheets.forEach((s, i) => (s.sheetPr = `<sheetPr codeName="Foglio${i + 1}"/>`));
      // Any bytes: the tool must carry the project, not understand it.
      model.parts.set('xl/vbaProject.bin', Uint8Array.from({ length: 1536 }, (_, i) => (i * 7 + 3) % 256));
      model.defaults.set('bin', 'application/vnd.ms-office.vbaProject');
      model.workbookRels.push({ id: 'rId92', type: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target: 'vbaProject.bin' });
    },
  },
  {
    id: 'external-link',
    about: 'an external link with a formula that uses it',
    apply(model) {
      model.parts.set(
        'xl/externalLinks/externalLink1.xml',
        `${XML_HEAD}<externalLink xmlns="${NS_MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Dati"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
      );
      model.parts.set('xl/externalLinks/_rels/externalLink1.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///\\\\server\\controllo\\consuntivi.xlsx" TargetMode="External"/></Relationships>`);
      model.overrides.set('/xl/externalLinks/externalLink1.xml', `${CT}.spreadsheetml.externalLink+xml`);
      model.workbookRels.push({ id: 'rId93', type: `${REL}/externalLink`, target: 'externalLinks/externalLink1.xml' });
      model.workbookExtra.externalReferences = '<externalReferences><externalReference r:id="rId93"/></externalReferences>';
      setCell(sheet(model, 'Leggimi'), 'A5', { formula: '[1]Dati!$A$1', value: 42 });
    },
  },
  {
    id: 'custom-docprops',
    about: 'custom document properties',
    apply(model) {
      model.parts.set(
        'docProps/custom.xml',
        `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Protocollo"><vt:lpwstr>2025/0042</vt:lpwstr></property>' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Anno"><vt:i4>2024</vt:i4></property></Properties>',
      );
      model.overrides.set('/docProps/custom.xml', `${CT}.custom-properties+xml`);
      model.rootRels.push({ id: 'rId4', type: `${REL}/custom-properties`, target: 'docProps/custom.xml' });
    },
  },
  {
    id: 'customxml',
    about: 'customXml parts',
    apply(model) {
      model.parts.set('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?><piano xmlns="urn:example:cruscotto"><ente>Camera di commercio della Maremma e del Tirreno</ente></piano>');
      model.parts.set('customXml/itemProps1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="{1C2D3E4F-5A6B-4C7D-8E9F-0A1B2C3D4E5F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:example:cruscotto"/></ds:schemaRefs></ds:datastoreItem>`);
      model.parts.set('customXml/_rels/item1.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`);
      model.overrides.set('/customXml/itemProps1.xml', `${CT}.customXmlProperties+xml`);
      model.workbookRels.push({ id: 'rId94', type: `${REL}/customXml`, target: '../customXml/item1.xml' });
    },
  },
  {
    id: 'workbook-protection',
    about: 'workbook structure protection',
    apply(model) {
      model.workbookExtra.workbookProtection = `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="${SHA_HASH}" workbookSaltValue="${SHA_SALT}" workbookSpinCount="100000" lockStructure="1"/>`;
    },
  },
  {
    id: 'sheet-protection',
    about: 'sheet protection with its password hash on Indicatori',
    apply(model) {
      sheet(model, 'Indicatori').slots.sheetProtection = `<sheetProtection algorithmName="SHA-512" hashValue="${SHA_HASH}" saltValue="${SHA_SALT}" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0" autoFilter="0"/>`;
    },
  },
  {
    id: 'page-breaks',
    about: 'manual page breaks and page setup on Indicatori',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      ind.slots.pageSetup = '<pageSetup paperSize="9" scale="70" orientation="landscape" r:id="rId1"/>';
      addRel(ind, `${REL}/printerSettings`, '../printerSettings/printerSettings1.bin');
      model.parts.set('xl/printerSettings/printerSettings1.bin', Uint8Array.from({ length: 220 }, (_, i) => (i * 13) % 256));
      model.defaults.set('bin', `${CT}.spreadsheetml.printerSettings`);
      ind.slots.rowBreaks = '<rowBreaks count="2" manualBreakCount="2"><brk id="19" max="16383" man="1"/><brk id="39" max="16383" man="1"/></rowBreaks>';
      ind.slots.colBreaks = '<colBreaks count="1" manualBreakCount="1"><brk id="9" max="1048575" man="1"/></colBreaks>';
    },
  },
  {
    id: 'autofilter',
    about: 'an autofilter with criteria on Indicatori',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      ind.slots.autoFilter = '<autoFilter ref="A1:O59" xr:uid="{4B1C2D3E-0000-4000-8000-000000000001}"><filterColumn colId="2"><filters><filter val="9"/></filters></filterColumn></autoFilter>';
      for (const [r, row] of ind.rows) if (r > 0 && row.get(2)?.value !== '9') ind.rowAttrs.set(r, ' hidden="1"');
      model.definedNames.push('<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">Indicatori!$A$1:$O$59</definedName>');
    },
  },
  {
    id: 'hyperlink',
    about: "an internal hyperlink to 'Obiettivi'!A2",
    apply(model) {
      sheet(model, 'Indicatori').slots.hyperlinks = '<hyperlinks><hyperlink ref="C2" location="\'Obiettivi\'!A2" display="1" xr:uid="{6E7F8A9B-0000-4000-8000-000000000002}"/></hyperlinks>';
    },
  },
  {
    id: 'defined-names',
    about: 'constant and formula defined names',
    apply(model) {
      model.definedNames.push(
        '<definedName name="Codici">Indicatori!$A$2:$A$59</definedName>',
        '<definedName name="Soglia_minima">0.6</definedName>',
        '<definedName name="Totale_pesi">SUM(Obiettivi!$D$6:$D$19)</definedName>',
      );
    },
  },
  {
    id: 'scoped-names',
    about: 'the same sheet-scoped name on two sheets',
    apply(model) {
      model.definedNames.push(
        '<definedName name="Area" localSheetId="0">Obiettivi!$A$1:$F$19</definedName>',
        '<definedName name="Area" localSheetId="1">Indicatori!$A$1:$O$59</definedName>',
      );
    },
  },
  {
    id: 'hidden-names',
    about: 'a hidden defined name',
    apply(model) {
      model.definedNames.push('<definedName name="Anno_riferimento" hidden="1">Impostazioni!$B$2</definedName>');
    },
  },
  {
    id: 'table',
    about: 'an Excel table on Indicatori (headerRowCount by default)',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      const headers = [...(ind.rows.get(0) as Map<number, { value?: unknown }>).values()].map((c) => String(c.value));
      model.parts.set(
        'xl/tables/table1.xml',
        `${XML_HEAD}<table xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="1" xr:uid="{11111111-2222-4333-8444-555555555555}" name="Indicatori2024" displayName="Indicatori2024" ref="A1:O59" totalsRowShown="0">` +
          `<autoFilter ref="A1:O59" xr:uid="{11111111-2222-4333-8444-555555555556}"/><tableColumns count="${headers.length}">` +
          headers.map((h, i) => `<tableColumn id="${i + 1}" xr3:uid="{11111111-2222-4333-8444-5555555556${String(i).padStart(2, '0')}}" name="${esc(h)}"/>`).join('') +
          `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      );
      model.overrides.set('/xl/tables/table1.xml', `${CT}.spreadsheetml.table+xml`);
      ind.slots.tableParts = `<tableParts count="1"><tablePart r:id="${addRel(ind, `${REL}/table`, '../tables/table1.xml')}"/></tableParts>`;
    },
  },
  {
    id: 'text-contains',
    about: '"text contains" conditional formats on Indicatori',
    apply(model) {
      model.dxfs.push('<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>');
      sheet(model, 'Indicatori').slots.conditionalFormatting =
        '<conditionalFormatting sqref="J2:J59"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="gg"><formula>NOT(ISERROR(SEARCH("gg",J2)))</formula></cfRule></conditionalFormatting>';
    },
  },
  {
    id: 'data-validation',
    about: 'data validation on Indicatori',
    apply(model) {
      sheet(model, 'Indicatori').slots.dataValidations =
        '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="N2:N59"><formula1>"si,no"</formula1></dataValidation>' +
        '<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Direzione" error="max o min" sqref="K2:K59"><formula1>"max,min"</formula1></dataValidation></dataValidations>';
    },
  },
  {
    id: 'frozen-zoom',
    about: 'frozen panes at C3, zoom and selection on Indicatori',
    apply(model) {
      sheet(model, 'Indicatori').sheetView =
        '<sheetView zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="C1" sqref="C1"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/><selection pane="bottomRight" activeCell="J7" sqref="J7:J9"/></sheetView>';
    },
  },
  {
    id: 'title-merge',
    about: 'a merged title row above the Indicatori headers',
    expect: 'scores',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      const shifted = new Map<number, Map<number, { value?: unknown }>>();
      for (const [r, row] of ind.rows) shifted.set(r + 1, row);
      ind.rows = shifted as SheetModel['rows'];
      ind.rows.set(0, new Map([[0, { value: 'PIRA 2024 — Indicatori', style: STYLE.header }]]));
      ind.rowAttrs.set(0, ' ht="24" customHeight="1"');
      ind.slots.mergeCells = '<mergeCells count="1"><mergeCell ref="A1:O1"/></mergeCells>';
    },
  },
  {
    id: 'user-Sintesi',
    about: 'a user sheet named Sintesi',
    // One more issue: the note that the summary went under another name.
    expect: 'scores',
    apply(model) {
      const s: SheetModel = {
        name: 'Sintesi', kind: 'worksheet', rows: new Map(), rowAttrs: new Map(), cols: '',
        sheetView: '<sheetView workbookViewId="0"/>', slots: { pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' }, rels: [],
      };
      setCell(s, 'A1', { value: 'Sintesi per la Giunta (scritta a mano)', style: STYLE.header });
      setCell(s, 'A2', { value: 'Da non cancellare' });
      model.sheets.splice(2, 0, s);
    },
  },
  {
    id: 'user-sintesi',
    about: 'a user sheet named sintesi',
    expect: 'scores',
    apply(model) {
      const s: SheetModel = {
        name: 'sintesi', kind: 'worksheet', rows: new Map(), rowAttrs: new Map(), cols: '',
        sheetView: '<sheetView workbookViewId="0"/>', slots: { pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' }, rels: [],
      };
      setCell(s, 'A1', { value: 'appunti di sintesi' });
      model.sheets.push(s);
    },
  },
  {
    id: 'headerless-column',
    about: 'a column without a header right of the inputs, with content',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      const P = nextColumn(ind);
      for (let r = 2; r <= 59; r++) setCell(ind, `${P}${r}`, { value: r % 3 === 0 ? `verificato ${r}` : r });
    },
  },
  {
    id: 'formula-header',
    about: 'a formula header without a cached value right of the inputs',
    apply(model) {
      setCell(sheet(model, 'Indicatori'), `${nextColumn(sheet(model, 'Indicatori'))}1`, { formula: '"Note "&Impostazioni!B2', style: STYLE.header });
    },
  },
  {
    id: 'obiettivi-h2',
    about: 'a formula in Obiettivi!H2',
    apply(model) {
      setCell(sheet(model, 'Obiettivi'), 'H2', { formula: 'COUNTA(A2:A19)', value: 18 });
    },
  },
  {
    id: 'cached-zero',
    about: 'an actual that is a formula with cached value 0',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      setCell(ind, `J${rowOf(ind, '8.1') + 1}`, { formula: 'Impostazioni!B2-2024', value: 0 });
    },
  },
  {
    id: 'uncached-actual',
    about: 'an actual that is a formula without a cached value',
    expect: 'own',
    apply(model) {
      const ind = sheet(model, 'Indicatori');
      setCell(ind, `J${rowOf(ind, '1.1') + 1}`, { formula: '20+3' });
    },
  },
];
