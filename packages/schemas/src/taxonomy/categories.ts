/** The category code as a zod enum, beside the zod-free category data. */
import { z } from 'zod'
import { categoryCodes } from './category-data'

export {
  attachmentForbiddenCategories,
  type CategoryDefinition,
  type CategorySafety,
  type CategorySubtype,
  categories,
  categoryCodes,
  type DsaClassification,
  getCategory,
} from './category-data'

export const CategoryCode = z.enum(categoryCodes)
export type CategoryCode = z.infer<typeof CategoryCode>
