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
  }
};
