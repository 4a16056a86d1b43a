/// The site's one stylesheet, served at `/styles.css`. Hand-written; no build step.
package enum Stylesheet {
    package static let css = """
    :root { --ink: #1d2329; --muted: #545f69; --line: #d5dbe0; --accent: #0b5c8e; --bg: #fff;
            --grey: #6b7680; --green: #1e7a3c; --amber: #8a5a00; --red: #b3261e; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.6 system-ui, "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: var(--bg); }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
    header.site { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
    header.site .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
    header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
    nav.languages { margin-left: auto; }
    nav.languages [aria-current] { font-weight: 700; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
    footer.site { border-top: 1px solid var(--line); padding: 1rem; color: var(--muted); font-size: .875rem; }
    h1 { font-size: 1.6rem; line-height: 1.3; overflow-wrap: anywhere; }
    .meta, .note, .empty, .counts { color: var(--muted); }
    progress { width: 100%; max-width: 30rem; height: .9rem; accent-color: var(--accent); }
    ol.areas, ol.measures, ol.updates { list-style: none; padding: 0; }
    ol.areas li, ol.measures li, ol.updates li { border-bottom: 1px solid var(--line); padding: .75rem 0; }
    ol.areas .num { margin-right: .25rem; }
    ol.areas a { font-size: 1.1rem; }
    ol.areas progress, ol.areas .counts { display: block; margin: .25rem 0 0; }
    ul.counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; }
    .status, .light { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid currentColor; font-size: .875rem; }
    .light-grey { color: var(--grey); } .light-green { color: var(--green); }
    .light-amber { color: var(--amber); } .light-red { color: var(--red); }
    .status-completed { color: var(--green); } .status-delayed { color: var(--red); }
    blockquote.measure-text { margin: 0; padding: .5rem 1rem; border-left: 4px solid var(--accent); background: #f4f7f9; }
    .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
    .side { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; }
    dl dt { font-weight: 600; } dl dd { margin: 0 0 .5rem 0; }
    ol.timeline li.done { color: var(--muted); }
    table.signatures { border-collapse: collapse; margin: 1rem 0; }
    table.signatures td { padding: .25rem 1rem .25rem 0; }
    .error { font-size: 1.1rem; }
    .field { margin: 0 0 1rem; } .field label { display: block; font-weight: 600; }
    .field input[type=checkbox] + label { display: inline; font-weight: normal; }
    input, select, textarea { font: inherit; max-width: 100%; }
    textarea { width: 100%; }
    .field-error, .error-summary { color: var(--red); }
    .error-summary { border: 2px solid var(--red); padding: .5rem 1rem; }
    .hint { color: var(--muted); margin: 0; }
    .hp { position: absolute; left: -9999px; }
    mark { background: #fff2a8; color: inherit; }
    ol.results { padding-left: 1.2rem; } ol.results h2 { font-size: 1.1rem; margin-bottom: 0; }
    .kind { color: var(--muted); margin: 0; font-size: .875rem; }
    nav.pages ul { list-style: none; display: flex; gap: .75rem; padding: 0; }
    .review-overdue { color: var(--amber); }
    form.inline { display: inline; }
    button { font: inherit; padding: .3rem .8rem; }
    button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; cursor: pointer; }
    @media print { header.site nav, .skip { display: none; } a { color: inherit; text-decoration: none; } }
    main td, main th { overflow-wrap: anywhere; }
    figure.chart { margin: 1.5rem 0; max-width: 100%; overflow-x: auto; }
    figure.chart svg { max-width: 100%; height: auto; }
    figure.chart figcaption { font-weight: 600; }
    table.data { border-collapse: collapse; font-size: .875rem; margin: .5rem 0 1rem; }
    table.data th, table.data td { border: 1px solid var(--line); padding: .15rem .5rem; text-align: left; }
    table.data td.n { text-align: right; }
    .wide { overflow-x: auto; max-width: 100%; }
    ul.notices { list-style: none; padding: 0; } ul.notices li { padding: .25rem 0; }
    .notice-blue { color: #0b5c8e; } .notice-yellow { color: var(--amber); } .notice-red { color: var(--red); }
    """ + report

    /// The report to the meeting: on screen inside the site, and alone (files, PDF) with print
    /// rules for A4.
    package static let report = """
    .report table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
    .report th, .report td { border: 1px solid #c9d0d6; padding: .2rem .5rem; text-align: left; vertical-align: top; }
    .report table.figures th { font-weight: normal; }
    .report section.area { break-inside: avoid-page; }
    .report .meta, .report .empty { color: #545f69; }
    @media print {
      @page { size: A4; margin: 18mm 15mm; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      .report h2 { break-before: auto; break-after: avoid-page; }
      .report table { width: 100%; }
      .report tr { break-inside: avoid; }
      .report-actions, footer.site, header.site { display: none; }
    }
    """
}
