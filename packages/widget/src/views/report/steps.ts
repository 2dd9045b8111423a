/** The report wizard's steps, in order. */
import { categoryStep } from './category'
import { contactStep } from './contact'
import { evidenceStep } from './evidence'
import { reviewStep } from './review'
import { sharingStep } from './sharing'
import type { Step } from './step'
import { whatStep } from './what'
import { whereStep } from './where'
import { whoStep } from './who'

export const steps: readonly Step[] = [
  categoryStep,
  whereStep,
  whatStep,
  evidenceStep,
  whoStep,
  sharingStep,
  contactStep,
  reviewStep,
]
