export const CHANGE_PASSWORD = `mutation ChangePassword($input: ChangePasswordInput!) {
  result: changePassword(input: $input)
}`;
