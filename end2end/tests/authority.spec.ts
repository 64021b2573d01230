// Who may act (issue 3): where Enhetsregisteret's roles are known, only a daglig leder,
// signatur or prokura holder may accept for the unit, and step 2 says why.
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './a11y';
import { JourneyPage, goodFor } from './pages/journey';
import { testPerson } from './pages/login';

const LEGEKONTOR = 'DEMO LEGEKONTOR AS (DEMODATA) (945627913)';

test('the daglig leder picks her unit from her own list, is told why she may accept, and orders', async ({ page }) => {
  const j = new JourneyPage(page);
  // Kari's role is registered with her date of birth and name; the number is her own per test.
  await j.start(testPerson('Kari Testperson', { day: 8, month: 10, year: 1988 }));
  // The units the registry gives her a role in, one press away.
  const mine = page.getByRole('region', { name: 'Dine virksomheter' });
  await mine.getByRole('button', { name: LEGEKONTOR }).click();
  await expect(j.orgInput()).toHaveValue('945627913');
  await expect(page.getByRole('status').getByText(LEGEKONTOR)).toBeVisible();
  await expect(page.getByText('Du er daglig leder.')).toBeVisible();
  await expectNoAxeViolations(page, 'step 2 with a role');
  await page.getByRole('button', { name: 'Gå videre' }).click();
  await expect(page.getByRole('heading', { name: `Du aksepterer på vegne av ${LEGEKONTOR}. Du er daglig leder. (fullført)` })).toBeVisible();
  await j.fillForm(goodFor('945627913'));
  await j.send();
  await j.acceptAndFinish();
  await j.reference();
});

test('a person without a role that gives authority cannot go on, and is told why', async ({ page }) => {
  const j = new JourneyPage(page);
  await j.start(testPerson('Per Uten Rolle'));
  await expect(page.getByRole('region', { name: 'Dine virksomheter' })).toHaveCount(0);
  await j.orgInput().fill('945627913');
  await expect(page.getByText(LEGEKONTOR)).toBeVisible();
  await expect(page.getByText('Du er ikke registrert i Enhetsregisteret med en rolle som gir myndighet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gå videre' })).toHaveCount(0);
  await expect(j.orgInput()).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'step 2 without authority');
});
