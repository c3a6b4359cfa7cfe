// Small browser helpers the hub's components call through JS interop.
window.patchbay = {
  // Saves a file the server streams (a stored or exported .bizc) without a download endpoint: the API takes
  // keys, not the session cookie.
  download: async function (fileName, streamReference) {
    const buffer = await streamReference.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName ?? '';
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  },

  // Leads a validation problem to its field: the first of `places` (data-place values, the most precise first) the
  // page shows is scrolled into view, marked for a moment and focused; for a code problem, the code editor inside it
  // puts the cursor on the line and column. A dialog or a code editor appears a moment after the page renders, so
  // this looks again for up to three seconds. Answers the place it reached, or null.
  focusPlace: async function (places, line, column) {
    for (let attempt = 0; attempt < 60; attempt++) {
      const target = firstPlace(places);
      const editor = target && line ? codeEditorIn(target) : null;
      if (target && (!line || editor)) {
        // A MudBlazor text field takes the place on its input; the mark goes around the whole field.
        const marked = target.closest('.mud-input-control') ?? target;
        scrollToMiddle(marked);
        marked.classList.add('place-highlight');
        setTimeout(() => marked.classList.remove('place-highlight'), 2000);
        const focus = editor
          ? () => { editor.setPosition({ lineNumber: line, column: column || 1 }); editor.revealLineInCenter(line); editor.focus(); }
          : () => focusableIn(target)?.focus({ preventScroll: true });
        focus();
        await keepFocus(focus);
        return target.getAttribute('data-place');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return null;
  }
};

// Vertically only: scrollIntoView also scrolls clipped containers sideways (MudBlazor's tab panels), which shifts
// the page under the navigation drawer.
function scrollToMiddle(element) {
  const box = element.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) {
    window.scrollBy({ top: box.top + box.height / 2 - window.innerHeight / 2 });
  }
}

// A dialog that has just opened (auth.js) moves the focus to its focus trap's own sentinel a moment later; for a
// second, focus that lands on no control is given back.
async function keepFocus(focus) {
  for (let wait = 0; wait < 20; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const active = document.activeElement;
    if (!active || active === document.body || active.getAttribute('tabindex') === '-1') {
      focus();
    }
  }
}

function firstPlace(places) {
  const shown = new Map();
  for (const element of document.querySelectorAll('[data-place]')) {
    const place = element.getAttribute('data-place');
    if (!shown.has(place)) {
      shown.set(place, element);
    }
  }
  const found = places.find((place) => shown.has(place));
  return found === undefined ? null : shown.get(found);
}

function codeEditorIn(element) {
  return window.monaco?.editor.getEditors().find((editor) => element.contains(editor.getContainerDomNode())) ?? null;
}

function focusableIn(element) {
  const controls = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';
  return element.matches(controls) ? element : element.querySelector(controls);
}
