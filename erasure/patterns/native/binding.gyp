{
  "targets": [
    {
      "target_name": "gomme_aes_ctr",
      "sources": ["aes-ctr-fill.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Werror"]
    }
  ]
}
