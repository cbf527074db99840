import type { Quadrant } from '../../api/types.ts';
import { quadrantInfo } from '../../shared/quadrants.ts';

/** A quadrant as the board says it aloud: "Q2 Invest". */
export const quadrantTitle = (id: Quadrant) => {
  const info = quadrantInfo(id);
  return `${info.label} ${info.name}`;
};

/** What a screen reader says on a card, drawn by the board whether or not drag and drop has loaded. */
export const BOARD_INSTRUCTIONS =
  'Press 1, 2, 3 or 4 to move this activity to that quadrant, or Enter to edit it. With a pointer, drag it to another quadrant.';
export const BOARD_INSTRUCTIONS_ID = 'board-instructions';
