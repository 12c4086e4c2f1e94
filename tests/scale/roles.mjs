// Synthetic catalogs for the scale test: N assessments with varied, realistic-looking names
// (three word lists, so names repeat words as real catalogs do). Test data: written to a
// temporary folder by the test, never shipped.
import fs from 'node:fs';
import path from 'node:path';
import { syntheticAssessment } from '../node/corpus.mjs';

const LEVEL = ['Junior', 'Senior', 'Lead', 'Principal', 'Assistant', 'Chief', 'Associate', 'Head', 'Trainee', 'Staff',
  'Deputy', 'Regional', 'Clinical', 'Digital', 'Field', 'Technical', 'Operations', 'Quality', 'Research', 'Sales'];
const AREA = ['Data', 'Nursing', 'Logistics', 'Marketing', 'Payroll', 'Safety', 'Network', 'Retail', 'Legal', 'Energy',
  'Food', 'Property', 'Insurance', 'Media', 'Transport', 'Education', 'Security', 'Procurement', 'Maintenance', 'Laboratory',
  'Customer', 'Warehouse', 'Tax', 'Software', 'Facilities'];
const JOB = ['Analyst', 'Manager', 'Engineer', 'Coordinator', 'Technician', 'Specialist', 'Officer', 'Consultant', 'Supervisor', 'Planner',
  'Designer', 'Administrator', 'Advisor', 'Inspector', 'Developer', 'Assistant', 'Clerk', 'Scientist', 'Auditor', 'Operator'];
const CATEGORY = ['Healthcare', 'Finance', 'Technology', 'Public sector', 'Retail', 'Manufacturing', 'Transport', 'Education', 'Energy', 'Media'];

/** Writes `n` synthetic role files into `dir`; returns their names [{id, title}]. */
export function writeSyntheticRoles(dir, n) {
  fs.mkdirSync(dir, { recursive: true });
  const out = [];
  for (let i = 0; i < n; i++) {
    const a = syntheticAssessment(i + 1, 3 + (i % 6));
    const title = `${LEVEL[i % LEVEL.length]} ${AREA[Math.floor(i / LEVEL.length) % AREA.length]} ${JOB[Math.floor(i / (LEVEL.length * AREA.length)) % JOB.length]}`;
    a.id = `synthetic-${i + 1}`;
    a.role = { title, category: `${CATEGORY[i % CATEGORY.length]} (synthetic test data)`, aliases: [`${AREA[(i * 7) % AREA.length]} ${JOB[(i * 3) % JOB.length]}`] };
    fs.writeFileSync(path.join(dir, `${a.id}.json`), JSON.stringify(a));
    out.push({ id: a.id, title });
  }
  return out;
}
