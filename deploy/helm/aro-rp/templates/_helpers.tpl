{{- define "aro-rp.labels" -}}
app.kubernetes.io/name: aro-rp
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* The pod of one role: frontend or backend. Their difference is the role argument, the API listener and TLS. */}}
{{- define "aro-rp.pod" -}}
{{- $role := .role -}}
{{- $root := .root -}}
metadata:
  labels:
    {{- include "aro-rp.labels" $root | nindent 4 }}
    app.kubernetes.io/component: {{ $role }}
    azure.workload.identity/use: "true"
  annotations:
    checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
spec:
  serviceAccountName: {{ $root.Release.Name }}
  # SIGTERM: readiness fails, the readiness delay passes, running steps get the shutdown grace; then some margin.
  terminationGracePeriodSeconds: 90
  securityContext:
    runAsNonRoot: true
    runAsUser: 65532
    fsGroup: 65532
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: aro-rp
      image: "{{ $root.Values.image.repository }}:{{ $root.Values.image.tag }}"
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      args: ["{{ $role }}"]
      envFrom:
        - configMapRef: {name: {{ $root.Release.Name }}-config}
        - secretRef: {name: {{ $root.Values.secret.name }}}
      env:
        {{- if $root.Values.javaToolOptions }}
        - name: JAVA_TOOL_OPTIONS
          value: {{ $root.Values.javaToolOptions | quote }}
        {{- end }}
        - name: ARO_MANAGEMENT_LISTEN
          value: "http://0.0.0.0:8081/"
        - name: ARO_DATA_DIR
          value: "/tmp/aro"
        {{- if eq $role "frontend" }}
        - name: ARO_LISTEN
          value: "https://0.0.0.0:{{ $root.Values.frontend.port }}/"
        {{- if $root.Values.tls.secretName }}
        - name: ARO_TLS_CERT
          value: "/etc/aro/tls/tls.crt"
        - name: ARO_TLS_KEY
          value: "/etc/aro/tls/tls.key"
        {{- end }}
        {{- end }}
        {{- if and (eq $role "backend") $root.Values.hiveKubeconfigSecret }}
        - name: ARO_HIVE_KUBECONFIG
          value: "/etc/aro/hive/kubeconfig"
        {{- end }}
      ports:
        {{- if eq $role "frontend" }}
        - {name: https, containerPort: {{ $root.Values.frontend.port }}}
        {{- end }}
        - {name: management, containerPort: 8081}
      livenessProbe:
        httpGet: {path: /healthz/live, port: management}
        periodSeconds: 10
        failureThreshold: 6
      readinessProbe:
        httpGet: {path: /healthz/ready, port: management}
        periodSeconds: 5
      startupProbe:
        httpGet: {path: /healthz/live, port: management}
        periodSeconds: 2
        failureThreshold: 60
      resources:
        {{- toYaml (index $root.Values $role).resources | nindent 8 }}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: ["ALL"]}
      volumeMounts:
        - {name: tmp, mountPath: /tmp}
        {{- if and (eq $role "frontend") $root.Values.tls.secretName }}
        - {name: tls, mountPath: /etc/aro/tls, readOnly: true}
        {{- end }}
        {{- if and (eq $role "backend") $root.Values.hiveKubeconfigSecret }}
        - {name: hive, mountPath: /etc/aro/hive, readOnly: true}
        {{- end }}
  volumes:
    - {name: tmp, emptyDir: {}}
    {{- if and (eq $role "frontend") $root.Values.tls.secretName }}
    - {name: tls, secret: {secretName: {{ $root.Values.tls.secretName }}}}
    {{- end }}
    {{- if and (eq $role "backend") $root.Values.hiveKubeconfigSecret }}
    - {name: hive, secret: {secretName: {{ $root.Values.hiveKubeconfigSecret }}}}
    {{- end }}
{{- end -}}
