import {css, unsafeCSS} from 'lit'
import {ENTITY_TYPES} from '@apparatus/model'
import {ENTITY_COLOURS, PLURAL_LABELS, SINGULAR_LABELS} from '@apparatus/vocabulary'

/** `--_person`, `--_person-bg`, … for one colour scheme: the shared defaults, each overridable by `--apparatus-<type>[-bg]`. */
function typeColours(scheme: 'light' | 'dark') {
  return unsafeCSS(
    ENTITY_TYPES.map((type) => {
      const {text, background} = ENTITY_COLOURS[type][scheme]
      return `--_${type}: var(--apparatus-${type}, ${text}); --_${type}-bg: var(--apparatus-${type}-bg, ${background});`
    }).join(' ')
  )
}

/**
 * Shared styles. Colours are custom properties with light and dark
 * defaults; each marked text stays at WCAG AA contrast (>= 4.5:1) on its
 * background in both schemes (tested).
 */
export const theme = css`
  :host {
    ${typeColours('light')}
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
      ${typeColours('dark')}
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

/** Entity types -> "People", "Cases", … (the shared labels). */
export const TYPE_LABELS: Record<string, string> = Object.fromEntries(ENTITY_TYPES.map((type) => [type, PLURAL_LABELS[type]]))
/** Entity types -> "Person", "Case", … (the shared labels). */
export const TYPE_SINGULAR: Record<string, string> = Object.fromEntries(ENTITY_TYPES.map((type) => [type, SINGULAR_LABELS[type]]))
