import {css} from 'lit'

/**
 * Shared styles. Colours are custom properties with light and dark
 * defaults; each marked text stays at WCAG AA contrast (>= 4.5:1) on its
 * background in both schemes (tested).
 */
export const theme = css`
  :host {
    --_person: var(--apparatus-person, #9a4a00);
    --_person-bg: var(--apparatus-person-bg, #ffe3c4);
    --_case: var(--apparatus-case, #7b1fa2);
    --_case-bg: var(--apparatus-case-bg, #f1dcf7);
    --_organisation: var(--apparatus-organisation, #1459a8);
    --_organisation-bg: var(--apparatus-organisation-bg, #d8e8fb);
    --_place: var(--apparatus-place, #2e6b30);
    --_place-bg: var(--apparatus-place-bg, #d9f0d9);
    --_text: var(--apparatus-text, #1b1b1f);
    --_muted: var(--apparatus-muted, #585862);
    --_surface: var(--apparatus-surface, #ffffff);
    --_raised: var(--apparatus-raised, #f5f5f7);
    --_border: var(--apparatus-border, #c9c9d1);
    --_accent: var(--apparatus-accent, #1d4ed8);
    --_focus: var(--apparatus-focus, #1d4ed8);
    --_font: var(--apparatus-font, Georgia, 'Iowan Old Style', 'Times New Roman', serif);
    --_ui-font: var(--apparatus-ui-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_space: var(--apparatus-spacing, 1rem);
    color: var(--_text);
    font-family: var(--_ui-font);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_person: var(--apparatus-person, #ffb870);
      --_person-bg: var(--apparatus-person-bg, #5a3000);
      --_case: var(--apparatus-case, #e4a8f5);
      --_case-bg: var(--apparatus-case-bg, #4a1560);
      --_organisation: var(--apparatus-organisation, #8cbcff);
      --_organisation-bg: var(--apparatus-organisation-bg, #123a66);
      --_place: var(--apparatus-place, #96d998);
      --_place-bg: var(--apparatus-place-bg, #1d4a20);
      --_text: var(--apparatus-text, #ececf1);
      --_muted: var(--apparatus-muted, #b4b4be);
      --_surface: var(--apparatus-surface, #17171b);
      --_raised: var(--apparatus-raised, #24242a);
      --_border: var(--apparatus-border, #4a4a55);
      --_accent: var(--apparatus-accent, #8cb4ff);
      --_focus: var(--apparatus-focus, #8cb4ff);
    }
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  a {
    color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .type-person { --_c: var(--_person); --_bg: var(--_person-bg); }
  .type-case { --_c: var(--_case); --_bg: var(--_case-bg); }
  .type-organisation { --_c: var(--_organisation); --_bg: var(--_organisation-bg); }
  .type-place { --_c: var(--_place); --_bg: var(--_place-bg); }
  .chip {
    display: inline-block;
    border-radius: 999px;
    padding: 0 0.5em;
    font-size: 0.8em;
    background: var(--_bg, var(--_raised));
    color: var(--_text);
    border: 1px solid var(--_c, var(--_border));
  }
  button.chip {
    /* WCAG 2.2 target size: at least 24 by 24 CSS pixels. */
    min-height: 24px;
    min-width: 24px;
    cursor: pointer;
  }
`

export const TYPE_LABELS: Record<string, string> = {person: 'People', case: 'Cases', organisation: 'Organisations', place: 'Places'}
export const TYPE_SINGULAR: Record<string, string> = {person: 'Person', case: 'Case', organisation: 'Organisation', place: 'Place'}
