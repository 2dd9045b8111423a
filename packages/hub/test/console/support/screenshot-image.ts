/** A screenshot as a reporter would send one: a direct message with a threat, drawn as an image. */
import sharp from 'sharp'

export function threatScreenshot(): Promise<Buffer> {
  const bubble = (y: number, text: string, mine: boolean) =>
    `<rect x="${mine ? 150 : 20}" y="${y}" width="310" height="54" rx="18" fill="${mine ? '#2563eb' : '#e11d48'}"/>` +
    `<text x="${mine ? 170 : 40}" y="${y + 34}" font-family="sans-serif" font-size="20" fill="white">${text}</text>`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320">
    <rect width="480" height="320" fill="#fdf2f4"/>
    <text x="20" y="36" font-family="sans-serif" font-size="18" fill="#444">@raid_account_17 · message privé</text>
    ${bubble(60, 'je sais où tu habites', false)}
    ${bubble(130, 'arrête ou on publie tout', false)}
    ${bubble(200, 'laissez-moi tranquille', true)}
  </svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}
