/** How the reporter can be reached, if they want to be: optional, anonymous is fine. */
import { z } from 'zod'
import { boundedText } from '../primitives'

export const ContactChannel = z.enum(['email', 'phone'])
export type ContactChannel = z.infer<typeof ContactChannel>

export const Contact = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('email'),
    value: z.string().trim().max(254).pipe(z.email('Must be an e-mail address')),
    name: boundedText(200).optional(),
  }),
  z.strictObject({
    channel: z.literal('phone'),
    value: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{6,24}$/, 'Must be a phone number such as +33 6 12 34 56 78'),
    name: boundedText(200).optional(),
  }),
])
export type Contact = z.infer<typeof Contact>
