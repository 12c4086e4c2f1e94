// The start page holds the site's default role, prerendered, so that a first visit sees it at
// once. This runs before that first paint (a classic script in the head) and asks one question:
// does this visit open something else? A share link (#a=), another role named in ?role=, or this
// tab's own work from before a reload (its synchronous copy in sessionStorage, under the key
// storage.js writes). If so, the prerendered role is kept out of sight (html.elsewhere) until the
// app has drawn what was asked for, so no other role flashes by. It stores nothing, sends nothing.
(() => {
  const start = document.querySelector('meta[name="jobzone-start-role"]')?.content;
  const role = new URLSearchParams(location.search).get('role');
  let elsewhere = location.hash.startsWith('#a=') || (role !== null && role !== start);
  if (!elsewhere) {
    try {
      const text = sessionStorage.getItem('jobzone:tab-draft');
      // Bounded before the first paint: a draft of the start page's own role, untouched, is a few
      // tens of KB; a larger one is the tab's own work (so: elsewhere), and is not parsed here.
      if (text !== null && text.length > 200000) elsewhere = true;
      else {
        const draft = JSON.parse(text ?? 'null');
        const work = draft?.work;
        // (A catalog role only looked at, with no edit and no guide, is not work to bring back.)
        elsewhere = Boolean(work) && typeof work === 'object' && (Boolean(draft.dirty) || work.mode !== 'published' || Boolean(work.guide));
      }
    } catch {
      elsewhere = false; // no sessionStorage here: there is no work from before a reload either
    }
  }
  if (elsewhere) document.documentElement.classList.add('elsewhere');
})();
