namespace ServerlessComplaints.Web.Pages;

/// <summary>The pages' one inline style sheet; the Content-Security-Policy allows exactly this text by its hash.</summary>
public static class PageStyle
{
    public static readonly string Css = """

          body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d2733; }
          h1 { font-size: 1.5rem; } label { display: block; margin-top: .8rem; font-weight: 600; }
          input, select, textarea { width: 100%; padding: .45rem; font: inherit; box-sizing: border-box; }
          button { margin-top: 1rem; padding: .6rem 1.4rem; font: inherit; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; }
          .note { color: #555; font-size: .9rem; } .error { color: #a11; } .ok { background: #eef7ee; padding: 1rem; border-radius: 4px; }
          table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }
          .mail { border: 1px solid #ccd; border-radius: 4px; padding: .8rem; margin: .8rem 0; }
          .lang { text-align: right; } .field-error { margin: .2rem 0 0; } .lines span { display: block; } .summary { border-left: 4px solid #a11; padding: .5rem .8rem; }
          [aria-invalid="true"], .invalid fieldset, fieldset.invalid { outline: 2px solid #a11; }
          fieldset { border: 1px solid #ccd; border-radius: 4px; margin-top: .8rem; } legend { font-weight: 600; }
          .option { display: block; font-weight: 400; margin-top: .3rem; } .option input { width: auto; margin-right: .4rem; }
          button:disabled { background: #7a8da3; } progress { width: 100%; margin-top: .8rem; } q.quote { display: block; color: #333; }
          form.recourse { border-top: 1px solid #ddd; margin-top: 1.2rem; padding-top: .2rem; } h3 { font-size: 1.05rem; margin-bottom: .2rem; }
          .check { display: flex; gap: .5rem; align-items: flex-start; margin-top: .8rem; } .check input { width: auto; margin-top: .3rem; } .check label { margin-top: 0; }
          button.secondary { background: #fff; color: #a11; border: 1px solid #a11; }
          body.wide { max-width: 90rem; }
          .skip-link { position: absolute; left: .5rem; top: -3rem; background: #fff; color: #0b5cad; padding: .4rem .8rem; border: 2px solid #0b5cad; z-index: 1; }
          .skip-link:focus { top: .5rem; }
          .staff-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .4rem 1rem; border-bottom: 2px solid #0b5cad; padding-bottom: .4rem; }
          .staff-who { margin: 0; font-weight: 600; } .staff-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; }
          .staff-nav form { margin: 0; } .staff-nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
          button.quiet { margin: 0; padding: .3rem .8rem; background: #fff; color: #0b5cad; border: 1px solid #0b5cad; }
          :focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
          .context h2, form h2 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
          dl.facts { display: grid; grid-template-columns: 11rem 1fr; gap: .3rem 1rem; margin: 0; } #action-form { border-top: 1px solid #ddd; margin-top: 1.4rem; }
          dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; } .limit-check { display: block; }
          ul.evidence { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .8rem; } ul.evidence li { max-width: 14rem; overflow-wrap: anywhere; }
          ul.evidence img { display: block; max-width: 100%; max-height: 10rem; border: 1px solid #ccd; border-radius: 4px; margin-bottom: .2rem; }
          ol.messages { padding-left: 1.2rem; } ol.messages li { margin-bottom: .6rem; }
          @media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; gap: 0; } dl.facts dd { margin-bottom: .5rem; } }
          nav.sections ul { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; padding: 0; margin: .8rem 0; }
          table.facts th { width: 32%; } table.facts td { overflow-wrap: anywhere; } ul.plain { list-style: none; padding: 0; margin: 0; }
          .file { display: block; overflow-wrap: anywhere; }
          details.action { border: 1px solid #ccd; border-radius: 4px; padding: .4rem .8rem; margin: .6rem 0; } details.action > summary { font-weight: 600; cursor: pointer; padding: .2rem 0; margin-top: 0; color: inherit; }
          .tag { display: inline-block; font-size: .8rem; padding: 0 .35rem; margin-right: .4rem; border-radius: 3px; background: #e3ecf7; color: #0b3d6e; } .tag.internal { background: #fbecd9; color: #5c3200; }
          tr.current th, tr.current td { background: #eef4fb; } td.when { white-space: nowrap; } #refusal:focus { outline: 2px solid #a11; }
          @media (max-width: 40rem) { table.timeline thead { display: none; } table.timeline tr { display: block; border-bottom: 1px solid #ddd; padding: .3rem 0; }
            table.timeline td { display: block; border: 0; padding: .1rem .2rem; } table.facts th { width: auto; } }
          .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          .tabs { display: flex; flex-wrap: wrap; gap: .3rem; border-bottom: 1px solid #8a99ab; margin: .8rem 0; }
          .tabs a { padding: .45rem .9rem; border: 1px solid #8a99ab; border-bottom: 0; border-radius: 4px 4px 0 0; color: #0b5cad; background: #f3f6fa; }
          .tabs a[aria-current="page"] { background: #0b5cad; color: #fff; font-weight: 700; }
          .filters { border: 1px solid #ccd; border-radius: 4px; padding: .2rem .9rem .9rem; margin: .8rem 0; }
          .filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: 0 1rem; }
          .search-row { display: flex; gap: .5rem; } .search-row button { margin: 0; flex: none; white-space: nowrap; } details > summary { margin-top: .8rem; cursor: pointer; font-weight: 600; color: #0b5cad; }
          .filter-flags { display: flex; flex-wrap: wrap; gap: 0 2rem; } .filter-actions { display: flex; align-items: baseline; gap: 1.2rem; flex-wrap: wrap; }
          table.queue { font-size: .92rem; } table.queue thead th { background: #eef2f7; border-bottom: 2px solid #8a99ab; white-space: nowrap; }
          table.queue th[scope="row"] { white-space: nowrap; font-weight: 600; } table.queue td.subject { min-width: 10rem; } table.queue td { overflow-wrap: break-word; } table.queue td.sla-cell { min-width: 11rem; } table.queue td.select input { width: 1.2rem; height: 1.2rem; }
          .sla { display: inline-block; padding: .1rem .45rem; border-radius: 3px; border: 1px solid; } .sla strong { white-space: nowrap; }
          .sla-none { color: #4a5563; border-color: #8a99ab; } .sla-ontrack { background: #e7f4ea; color: #1b5e20; border-color: #1b5e20; }
          .sla-pasthalf { background: #fff4cc; color: #5c4300; border-color: #8a6500; } .sla-past80 { background: #ffe3cc; color: #7a2e00; border-color: #b34700; }
          .sla-overdue { background: #a11; color: #fff; border-color: #a11; } .sla-due { display: block; color: #4a5563; font-size: .82rem; margin-top: .2rem; }
          tr.risk-overdue th[scope="row"] { border-left: 4px solid #a11; } tr.risk-past80 th[scope="row"] { border-left: 4px solid #b34700; }
          .urgent { display: inline-block; margin-left: .3rem; padding: 0 .35rem; border: 1px solid #a11; border-radius: 3px; color: #a11; font-size: .8rem; }
          .reassign { margin-top: 1rem; } .reassign select { max-width: 24rem; } .paging { display: flex; gap: 1.2rem; align-items: baseline; margin: 1rem 0; }
          .summary ul { margin: .2rem 0; } .summary p, .ok p { margin: .2rem 0; } .empty { padding: 1rem; background: #f3f6fa; border-radius: 4px; }
          .exports { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; margin: .8rem 0; }
          .dash-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); gap: 1rem 1.5rem; }
          .figure { border: 1px solid #ccd; border-radius: 4px; padding: 0 .9rem .6rem; min-width: 0; } .figure h2 { font-size: 1.1rem; margin: .7rem 0 .3rem; }
          .figure.headline { grid-column: 1 / -1; } .figure.headline details > summary { display: none; }
          .chart { height: 18rem; width: 100%; } .chart-stacked, .chart-hbar { height: 20rem; } .figure-table > summary { font-size: .9rem; }
          table.figures { font-size: .88rem; } table.figures .number { text-align: right; font-variant-numeric: tabular-nums; } table.figures td, table.figures th { padding: .2rem .4rem; }
          @media (max-width: 72rem) {
            body.wide { margin: 1rem auto; } table.queue thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
            table.queue, table.queue tbody, table.queue tr, table.queue td, table.queue th[scope="row"] { display: block; width: auto; }
            table.queue tr { border: 1px solid #ccd; border-radius: 4px; margin-bottom: .8rem; padding: .3rem .5rem; }
            table.queue td, table.queue th[scope="row"] { border: 0; padding: .15rem 0; display: grid; grid-template-columns: 8.5rem minmax(0, 1fr); gap: .5rem; white-space: normal; overflow-wrap: anywhere; }
            table.queue td::before, table.queue th[scope="row"]::before { content: attr(data-label); font-weight: 600; color: #4a5563; }
            table.queue td.select { display: flex; } table.queue td.select::before { content: none; } table.queue td.subject { min-width: 0; }
          }

        """.ReplaceLineEndings("\n");
}
