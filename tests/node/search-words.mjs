// The twenty words of issue 28 a person types into the search, each with the occupation it must
// find first (O*NET codes as catalog ids), chosen here: tests/node/search.test.mjs checks them,
// tests/bench/search.bench.mjs prints the first three results of each.
export const TWENTY = [
  ['nurse', 'onet-29-1141-00'], // Registered Nurses ("Nurse" is a title of three codes of one BLS group; .00 first)
  ['RN', 'onet-29-1141-00'], // O*NET's Short Title
  ['LPN', 'onet-29-2061-00'], // Licensed Practical and Licensed Vocational Nurses
  ['plumber', 'onet-47-2152-00'], // Plumbers, Pipefitters, and Steamfitters
  ['developer', 'onet-15-1252-00'], // Software Developers
  ['teacher', 'onet-25-2021-00'], // Elementary School Teachers, the largest of the 22 titled "Teacher"
  ['cashier', 'onet-41-2011-00'], // Cashiers
  ['doctor', 'onet-29-1215-00'], // Family Medicine Physicians
  ['MD', 'onet-29-1215-00'],
  ['lawyer', 'onet-23-1011-00'], // Lawyers
  ['manager', 'onet-11-1021-00'], // General and Operations Managers
  ['engineer', 'onet-17-2071-00'], // Electrical Engineers (an exact title of 36: the most employed)
  ['waiter', 'onet-35-3031-00'], // Waiters and Waitresses
  ['programmer', 'onet-15-1251-00'], // Computer Programmers
  ['CEO', 'onet-11-1011-00'], // Chief Executives
  ['software engineer', 'onet-15-1252-00'], // Software Developers
  ['data scientist', 'onet-15-2051-00'], // Data Scientists
  ['pilot', 'onet-53-2011-00'], // Airline Pilots, Copilots, and Flight Engineers
  ['receptionist', 'onet-43-4171-00'], // Receptionists and Information Clerks
  ['graphic designer', 'onet-27-1024-00'], // Graphic Designers
];

