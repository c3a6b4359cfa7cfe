// Small browser helpers the UI calls through JS interop.
window.patchbay = {
    // Saves a file the server streams (a stored .bizc): the browser's download, without an API call from the page.
    async download(fileName, streamReference) {
        const blob = new Blob([await streamReference.arrayBuffer()], { type: "application/octet-stream" });
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName ?? "";
        link.click();
        URL.revokeObjectURL(url);
    },
};
