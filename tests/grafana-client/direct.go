package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// directCall times one request straight to Pyroscope, the baseline the backend's overhead is measured
// against: the same Connect call the backend makes, uncompressed, body read to the end.
type directCall struct {
	url    string
	body   []byte
	client *http.Client
}

func newDirectCall(url, bodyFile string) (*directCall, error) {
	body, err := os.ReadFile(bodyFile)
	if err != nil {
		return nil, usageErrorf("--direct-body: %v", err)
	}
	return &directCall{url: url, body: body, client: &http.Client{}}, nil
}

func (d *directCall) time(ctx context.Context) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.url, bytes.NewReader(d.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/proto")
	req.Header.Set("Connect-Protocol-Version", "1")
	req.Header.Set("Accept-Encoding", "identity")
	began := time.Now()
	res, err := d.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return 0, err
	}
	took := millis(time.Since(began))
	if res.StatusCode != http.StatusOK {
		return took, fmt.Errorf("direct call answered HTTP %d", res.StatusCode)
	}
	return took, nil
}
