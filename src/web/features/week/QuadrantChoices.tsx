import type { Quadrant } from '../../api/types.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';

interface QuadrantChoicesProps {
  /** What a press does with the quadrant. */
  onChoose: (quadrant: Quadrant) => void;
  /** A quadrant not offered (where a card already is). */
  except?: Quadrant;
  /** Each button's name for a screen reader: `Add as Q2 Build the legacy`. */
  verb?: string;
  disabled?: boolean;
  /** `grid`: four in two rows (quick-add); `list`: one a row, with what each quadrant is for. */
  layout: 'grid' | 'list';
}

/** The quadrants as large buttons, each in its colour: a thumb picks one (phone quick-add, Move to…). */
export function QuadrantChoices({ onChoose, except, verb, disabled, layout }: QuadrantChoicesProps) {
  return (
    <div className={`quadrant-choices quadrant-choices--${layout}`}>
      {QUADRANTS.filter((q) => q.id !== except).map((q) => (
        <button
          key={q.id}
          type="button"
          className={`quadrant-choice qbutton--${q.id}`}
          disabled={disabled}
          aria-label={verb ? `${verb} ${q.label} ${q.name}` : undefined}
          onClick={() => onChoose(q.id)}
        >
          {/* The space keeps the visible text "Q2 Build the legacy" inside the spoken name. */}
          <span className="quadrant-choice__key">{q.label}</span>{' '}
          <span className="quadrant-choice__name">{q.name}</span>
          {layout === 'list' && <span className="quadrant-choice__explanation">{q.explanation}</span>}
        </button>
      ))}
    </div>
  );
}
