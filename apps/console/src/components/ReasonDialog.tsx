import { useEffect, useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Asks for a reason before a workflow step (reject, request changes, suspend, decline…). With
 * `required` the confirm button waits for a reason; the reason is what the other side reads.
 */
export const ReasonDialog = ({
  open,
  title,
  content,
  required,
  confirmLabel,
  confirmColor = 'primary',
  loading,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  content?: string;
  required: boolean;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'warning' | 'success';
  loading?: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);
  const missing = required && reason.trim() === '';
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        {content && <DialogContentText sx={{ mb: 2 }}>{translate(content)}</DialogContentText>}
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={3}
          name="reason"
          label={translate(required ? 'xp.common.reason_required' : 'xp.common.reason_optional')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          error={touched && missing}
          helperText={touched && missing ? translate('ra.validation.required') : ' '}
          inputProps={{ maxLength: 1000 }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          color={confirmColor}
          disabled={loading || missing}
          onClick={() => onConfirm(reason.trim())}
          data-testid="reason-confirm"
        >
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
