// KIT READY
/**
 * The UI kit every module's views are built from (ADR 0019's UI kit): tables, form pages and fields, one-button
 * actions, pager, notices, agency links, definition lists, breadcrumbs, and the text and date helpers they show
 * values with. Paths are in ../paths.ts; charts in ../charts.tsx.
 * Conventions: FormPage, VersionedAction and Pager take site paths from ../paths.ts and put them in the page's
 * language themselves; FormPage's crumbs stop before the page (its title is added); a DataTable is named by a
 * `caption` or by `labelledBy` (a heading's id), and `empty` replaces it when there are no rows; `numeric` columns
 * are right-aligned figures, `nowrap` ones are dates and codes kept on one line.
 */
export { AgencyLink } from './agency-link.js';
export { agenciesCrumbs, commitmentCrumbs, homeCrumbs, planCrumbs } from './crumbs.js';
export { DataTable, type Column, type ColumnEntry, type DataTableProps } from './data-table.js';
export { DefinitionList, type Definition, type DefinitionEntry } from './definition-list.js';
export {
  CheckboxGroup,
  CsrfField,
  CustomField,
  ErrorSummary,
  FormActions,
  InputField,
  LocalizedField,
  SelectField,
  TextAreaField,
  errorId,
  inputId,
  type FieldErrors,
  type Option,
} from './fields.js';
export { FormPage, VersionField, type FormPageProps, type FormProps } from './form-page.js';
export { LinkList, LinksSection, linkItemsSection, SiteLinkItems } from './link-list.js';
export { DemoNotice, Notice } from './notice.js';
export { Pager } from './pager.js';
export { DeleteAction, VersionedAction, type VersionedActionProps } from './versioned-action.js';
export { DateText, Paragraphs, Text, TranslationBadge, clauseSeparator, formatDate, formatDateTime, formatPeriod, listSeparator } from '../components.js';
export type { Crumb } from '../layout.js';
