import { AccessTab } from './pages/AccessTab.ts';
import { AuditPage } from './pages/AuditPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { expect, test } from './support/fixtures.ts';

const HOME = '123456789012';
const REGION = 'us-east-1';
const CLUSTER = 'checkout-prod';

test('the auditor sees the Access tab read-only', async ({ page, password }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('auditor', password);
  const access = new AccessTab(page);
  await access.open(HOME, REGION, CLUSTER);

  await expect(page.getByText('Authentication mode:')).toContainText('API');
  await expect(access.entry(`arn:aws:iam::${HOME}:role/payments-developers`)).toContainText(
    'AmazonEKSEditPolicy (namespaces: payments)',
  );
  await expect(access.identityProviders).toContainText(
    'https://sso.example.com/realms/engineering',
  );
  await expect(
    access.podIdentity.getByRole('row').filter({ hasText: 'checkout-api' }),
  ).toContainText(`arn:aws:iam::${HOME}:role/checkout-api-pods`);
  for (const name of ['Create access entry', 'Associate identity provider', 'Create association']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(
    page.getByRole('button', { name: /^(Delete|Disassociate|Associate policy|Change role)/ }),
  ).toHaveCount(0);

  const answer = await access.whoCan('delete', 'pods', 'payments');
  await expect(answer.getByRole('row').filter({ hasText: 'payments-developers' })).toContainText(
    'AmazonEKSEditPolicy (namespaces: payments)',
  );
  await expect(page).toHaveURL(/canVerb=delete&canResource=pods&canNamespace=payments/);
});

test('an operator creates an access entry, scopes a policy to a namespace and deletes it with the typed name; the audit log shows each change', async ({
  page,
  password,
}) => {
  const role = `e2e-access-${Date.now()}`;
  const principal = `arn:aws:iam::${HOME}:role/${role}`;
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
  const access = new AccessTab(page);
  await access.open(HOME, REGION, CLUSTER);

  await access.createEntry(principal, 'e2e-readers');
  await expect(access.entry(principal)).toContainText('e2e-readers');
  await access.associatePolicy(principal, 'AmazonEKSViewPolicy', 'web');
  await expect(access.entry(principal)).toContainText('AmazonEKSViewPolicy (namespaces: web)');

  const dialog = await access.startDelete(principal);
  const confirm = dialog.getByRole('button', { name: 'Delete access entry', exact: true });
  await dialog.getByLabel(`Type ${role} to confirm`).fill('e2e-access');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${role} to confirm`).fill(role);
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(access.entry(principal)).toHaveCount(0);

  const audit = new AuditPage(page);
  await audit.open('?action=access');
  for (const action of ['access-entry.create', 'access-policy.associate', 'access-entry.delete']) {
    await expect(audit.entries(action, role)).toHaveCount(1);
  }
});

test('an operator lets a service account assume an IAM role (Pod Identity), changes the role and deletes the association', async ({
  page,
  password,
}) => {
  const serviceAccount = `e2e-sa-${Date.now()}`;
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn('operator', password);
  const access = new AccessTab(page);
  await access.open(HOME, REGION, CLUSTER);

  await access.createPodIdentity('web', serviceAccount, `arn:aws:iam::${HOME}:role/e2e-pods`);
  await expect(access.podIdentityRow(serviceAccount)).toContainText(`role/e2e-pods`);
  await access.changePodIdentityRole(
    'web',
    serviceAccount,
    `arn:aws:iam::${HOME}:role/e2e-pods-v2`,
  );
  await expect(access.podIdentityRow(serviceAccount)).toContainText('role/e2e-pods-v2');
  await access.deletePodIdentity('web', serviceAccount);
  await expect(access.podIdentityRow(serviceAccount)).toHaveCount(0);
});
