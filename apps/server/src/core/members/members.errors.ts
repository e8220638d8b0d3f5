import { AppError } from '../../platform/errors/app-error'

export const memberErrors = {
  holderOfStrongerRole: () =>
    new AppError(
      'MEMBER_HOLDS_STRONGER_ROLE',
      403,
      'This member holds a role stronger than yours, or outside your organisations; ask an administrator who could have granted it',
    ),
  ownStatus: () =>
    new AppError(
      'MEMBER_OWN_STATUS',
      403,
      'You cannot change your own status; ask another administrator',
      { field: 'status' },
    ),
  notFound: (id: string) => new AppError('MEMBER_NOT_FOUND', 404, `Member ${id} not found`, { id }),
  mobileTaken: () =>
    new AppError('MEMBER_MOBILE_TAKEN', 409, 'This mobile number is already registered', {
      field: 'mobile',
    }),
  idCardTaken: () =>
    new AppError('MEMBER_ID_CARD_TAKEN', 409, 'This ID-card number is already registered', {
      field: 'idCardNumber',
    }),
  importHasErrors: (report: unknown) =>
    new AppError(
      'MEMBER_IMPORT_HAS_ERRORS',
      422,
      'The file has errors; nothing was imported',
      report,
    ),
  importHeaderInvalid: () =>
    new AppError(
      'MEMBER_IMPORT_HEADER_INVALID',
      400,
      'The first row must name the columns 姓名 and 手机号 (optionally 身份证号, 所属工会)',
    ),
  importTooLarge: (rows: number, max: number) =>
    new AppError(
      'MEMBER_IMPORT_TOO_LARGE',
      400,
      `At most ${max} rows per file (this one has ${rows})`,
      { rows, max },
    ),
}
