import { z } from 'zod';

/** The person's calendar feed address (https; calendar apps take it as webcal:// too). */
export const feedSchema = z.object({
  url: z.string().describe('The secret address of your calendar feed; anyone with it can read the feed'),
});
export type FeedView = z.infer<typeof feedSchema>;
