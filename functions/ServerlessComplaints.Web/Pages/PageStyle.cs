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
          .crumbs { font-size: .9rem; } nav.sections ul { display: flex; flex-wrap: wrap; gap: .2rem 1rem; list-style: none; padding: 0; margin: .8rem 0; }
          table.facts th { width: 32%; } table.facts td { overflow-wrap: anywhere; } .text { white-space: pre-wrap; } ul.plain { list-style: none; padding: 0; margin: 0; }
          ul.evidence { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .8rem; } ul.evidence li { width: 12rem; }
          ul.evidence img { display: block; max-width: 100%; max-height: 9rem; border: 1px solid #ccd; border-radius: 4px; } .file { display: block; overflow-wrap: anywhere; }
          details.action { border: 1px solid #ccd; border-radius: 4px; padding: .4rem .8rem; margin: .6rem 0; } details.action > summary { font-weight: 600; cursor: pointer; padding: .2rem 0; }
          .tag { display: inline-block; font-size: .8rem; padding: 0 .35rem; margin-right: .4rem; border-radius: 3px; background: #e3ecf7; color: #0b3d6e; } .tag.internal { background: #fbecd9; color: #5c3200; }
          tr.current th, tr.current td { background: #eef4fb; } td.when { white-space: nowrap; } [tabindex="-1"]:focus { outline: 2px solid #a11; }
          @media (max-width: 40rem) { table.timeline thead { display: none; } table.timeline tr { display: block; border-bottom: 1px solid #ddd; padding: .3rem 0; }
            table.timeline td { display: block; border: 0; padding: .1rem .2rem; } table.facts th { width: auto; } }

        """.ReplaceLineEndings("\n");
}
