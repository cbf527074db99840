/** The prompts of the weekly reflection, in the order the form asks them (kept free of imports: the web uses it). */
export const REFLECTION_PROMPTS = [
  'step_out',
  'look_ahead',
  'least_resistance',
  'long_term_culture',
  'legacy_today',
  'unasked_gift',
  'learn',
  'deeper',
  'innovation',
  'competition',
] as const;
export type ReflectionPrompt = (typeof REFLECTION_PROMPTS)[number];

/** The legacy prompts of the weekly reflection (PRODUCT.md, section 4), in the form's order. */
export const PROMPT_TEXT: Record<ReflectionPrompt, string> = {
  step_out: 'Could I step out of the here and now?',
  look_ahead: 'Is the mindset and capability there to look ahead?',
  least_resistance: 'Am I taking the path of least resistance?',
  long_term_culture: 'Is our culture biased to long-term outcomes?',
  legacy_today: 'If I left today, what legacy would I leave?',
  unasked_gift: 'What could I give the customer that they have not asked for?',
  learn: 'What should I learn?',
  deeper: 'How do I go further and deeper into the customer?',
  innovation: 'Do I bring real innovation?',
  competition: 'Does the competition have reason to worry?',
};
