/**
 * styles.xml written by hand, because two things the standard needs are not
 * expressible through docx's style options:
 * - an explicit 三号 size on the Normal style: LibreOffice measures the
 *   character grid against the Normal style's own size and falls back to 12 pt
 *   when it only inherits from docDefaults, which spreads every character over
 *   two grid cells;
 * - a paragraph style that opts out of the grid (w:snapToGrid off), for titles,
 *   mastheads and table cells, which LibreOffice honours only per paragraph.
 */
import { fontFor } from './fonts'
import { BODY_CONDENSE, LINE_PITCH, sz } from './units'

export const NO_GRID_STYLE = 'NoGrid'

function rFonts(): string {
  const f = fontFor('body')
  return `<w:rFonts w:ascii="${f.ascii}" w:eastAsia="${f.eastAsia}" w:hAnsi="${f.hAnsi}" w:cs="${f.cs}"/>`
}

export function stylesXml(): string {
  const body = sz('三号')
  const rPr = `${rFonts()}<w:kern w:val="2"/><w:spacing w:val="${BODY_CONDENSE}"/><w:sz w:val="${body}"/><w:szCs w:val="${body}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`
  const spacing = `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rPr}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>${spacing}</w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>${spacing}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${NO_GRID_STYLE}"><w:name w:val="不对齐网格"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr></w:style>` +
    '</w:styles>'
  )
}
