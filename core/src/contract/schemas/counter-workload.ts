// The clerk's workload: what this counter recorded today, and what the acceptance platform reports.
import { z } from 'zod';
import { PoorRatingReason } from './evaluation-feedback';

const Count = z.number().int().nonnegative();

export const WorkloadView = z.object({
  staffId: z.string(),
  today: z.object({
    handled: Count,
    averageHandlingSeconds: z.number().nonnegative().nullable(),
    ticketsCalled: Count,
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: Count })),
    ratings: z.array(z.object({ level: z.string(), count: Count })),
    /** Reasons residents gave for poor ratings today, most given first; callbacks asked for (回访). */
    reasons: z.array(z.object({ reason: PoorRatingReason, count: Count })),
    callbacks: Count,
  }),
  platform: z
    .object({
      applicationsTaken: Count,
      byStage: z.array(z.object({ stage: z.string(), count: Count })),
      ratingsCount: Count,
      averageStars: z.number().nullable(),
      /** Every poor rating's reasons the platform holds for this clerk (all terminals, all days), most given first. */
      reasons: z.array(z.object({ reason: PoorRatingReason, count: Count })),
      callbacks: Count,
    })
    .nullable(),
  /** Why the platform figures are missing (offline), if they are. */
  platformError: z.string().nullable(),
});
export type WorkloadView = z.infer<typeof WorkloadView>;
